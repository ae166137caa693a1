package io.wordstream.bench;

import io.wordstream.bench.corpus.Corpus;
import io.wordstream.bench.corpus.FileCorpus;
import io.wordstream.bench.corpus.ZipfCorpus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * What one benchmark run does, the same for every system.
 *
 * @param seed         the generator's seed: the same seed gives the same sentences
 * @param vocabulary   distinct words of the generated text
 * @param file         a text to send instead, one sentence per non-blank line
 * @param rate         sentences per second in the latency phase
 * @param warmup       how long the system gets the latency phase's load before it is measured
 * @param latencyTime  how long the latency phase sends: the first step of the latency-throughput curve
 * @param rates        the curve's further steady rates, sentences per second (those above {@code rate} are used)
 * @param stepTime     how long each further step of the curve sends
 * @param probeEvery   every n-th sentence of the latency phase carries a probe word
 * @param burstWords   words in each throughput burst
 * @param warmupBursts bursts sent before the measured ones, not counted
 * @param repeats      throughput bursts per system (the median is reported)
 * @param timeout      the longest wait for a system to start or to catch up
 */
public record Plan(long seed, int vocabulary, Optional<Path> file, int rate, Duration warmup, Duration latencyTime,
                   List<Integer> rates, Duration stepTime, int probeEvery, long burstWords, int warmupBursts,
                   int repeats, Duration timeout) {

    /** A new corpus at its start: each system gets the same sentences in the same order. */
    public Corpus corpus() {
        if (file.isPresent()) {
            try {
                return new FileCorpus(file.get());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new ZipfCorpus(seed, vocabulary);
    }
}
