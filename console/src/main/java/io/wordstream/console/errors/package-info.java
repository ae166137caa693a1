/**
 * The two kinds of failure every layer may raise and the command line turns into one line and an exit status: a
 * setting the operator must change ({@link io.wordstream.console.errors.UserError}, status 2) and a pipeline that
 * failed ({@link io.wordstream.console.errors.PipelineFailure}, status 1). Their own package, below every other, so
 * that no layer imports the root package of {@code Main}.
 */
package io.wordstream.console.errors;
