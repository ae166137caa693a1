package io.wordstream.console.model;

import io.wordstream.common.Tokenizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * The time from Enter to a typed sentence's words being counted: a sentence is done once a result row has raised the
 * count of each of its words. Rows of another sentence with the same words would end it as well: a console cannot
 * tell whose sentence a count came from. Not thread-safe: the UI thread owns it.
 */
public final class EndToEnd {
    /** A sentence whose words have all been counted, {@code nanos} after Enter. */
    public record Counted(String sentence, long nanos) {
    }

    /** Sentences waiting longer than this are forgotten: their words never came (a rejected record, a filter). */
    static final long GIVE_UP_NANOS = 600_000_000_000L;

    private record Pending(String sentence, long sentAt, Set<String> words) {
    }

    private final Tokenizer tokenizer;
    private final List<Pending> pending = new ArrayList<>();

    public EndToEnd(Tokenizer tokenizer) {
        this.tokenizer = tokenizer;
    }

    /** Enter was pressed on {@code sentence} at {@code now} ({@code System.nanoTime()}). */
    public void sent(String sentence, long now) {
        Set<String> words = new HashSet<>(tokenizer.words(sentence));
        if (!words.isEmpty()) {
            pending.add(new Pending(sentence, now, words));
        }
    }

    /**
     * Rows that raised a word's count at {@code now}: the sentences they complete, oldest first.
     *
     * @param raised the words whose count these rows raised
     */
    public List<Counted> counted(Set<String> raised, long now) {
        List<Counted> done = new ArrayList<>();
        for (Iterator<Pending> it = pending.iterator(); it.hasNext();) {
            Pending p = it.next();
            p.words().removeAll(raised);
            if (p.words().isEmpty()) {
                done.add(new Counted(p.sentence(), now - p.sentAt()));
                it.remove();
            } else if (now - p.sentAt() > GIVE_UP_NANOS) {
                it.remove();
            }
        }
        return done;
    }

    /** Sentences still waiting for their counts. */
    public int waiting() {
        return pending.size();
    }
}
