package io.wordstream.testsupport;

import java.util.ArrayList;
import java.util.List;

/**
 * A line of shell as the docs write it, cut into simple commands and their words the way a POSIX shell would for
 * what the docs use: quotes, backslashes, comments, {@code | || && ; &} between commands, {@code $( )} around a
 * command of its own, redirections (dropped with their target). No expansion: a word keeps its {@code $VAR}.
 */
final class ShellLine {
    private final String text;
    private final List<List<String>> commands = new ArrayList<>();
    private List<String> words = new ArrayList<>();
    private StringBuilder word;
    private boolean redirectTarget;
    private int i;

    private ShellLine(String text) {
        this.text = text;
    }

    /** The simple commands of {@code text}, each as its words, those inside {@code $( )} after their own. */
    static List<List<String>> commands(String text) {
        ShellLine line = new ShellLine(text);
        line.parse();
        return line.commands;
    }

    private void parse() {
        while (i < text.length()) {
            char c = text.charAt(i);
            if (word == null && c == '#') {
                break; // a comment, to the end of the line
            } else if (c == ' ' || c == '\t') {
                endWord();
                i++;
            } else if (c == '\'') {
                int close = text.indexOf('\'', i + 1);
                int end = close < 0 ? text.length() : close;
                append(text.substring(i + 1, end));
                i = end + 1;
            } else if (c == '"') {
                doubleQuoted();
            } else if (c == '\\') {
                if (i + 1 < text.length()) {
                    append(String.valueOf(text.charAt(i + 1)));
                }
                i += 2;
            } else if (c == '$' && i + 1 < text.length() && text.charAt(i + 1) == '(') {
                substitution();
            } else if (c == '|' || c == '&' || c == ';' || c == '(' || c == ')') {
                redirectionOrSeparator(c);
            } else if (c == '>' || c == '<') {
                redirection();
            } else {
                append(String.valueOf(c));
                i++;
            }
        }
        endCommand();
    }

    private void doubleQuoted() {
        i++;
        StringBuilder quoted = new StringBuilder();
        while (i < text.length() && text.charAt(i) != '"') {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length() && "\"\\$`".indexOf(text.charAt(i + 1)) >= 0) {
                quoted.append(text.charAt(i + 1));
                i += 2;
            } else if (c == '$' && i + 1 < text.length() && text.charAt(i + 1) == '(') {
                append(quoted.toString());
                quoted.setLength(0);
                substitution();
            } else {
                quoted.append(c);
                i++;
            }
        }
        append(quoted.toString());
        i++;
    }

    /** {@code $(command)}: the command is one of its own; in this word it stands as {@code $(...)}. */
    private void substitution() {
        int depth = 0;
        int start = i + 2;
        int j = start;
        for (; j < text.length(); j++) {
            char c = text.charAt(j);
            if (c == '(') {
                depth++;
            } else if (c == ')' && depth-- == 0) {
                break;
            }
        }
        List<List<String>> inner = commands(text.substring(start, Math.min(j, text.length())));
        append("$(...)");
        i = j + 1;
        commands.addAll(inner);
    }

    private void redirectionOrSeparator(char c) {
        if (c == '&' && i + 1 < text.length() && text.charAt(i + 1) == '>') {
            i++;
            redirection(); // &> and &>>: both streams to a file
            return;
        }
        endCommand();
        i++;
        if (i < text.length() && (c == '|' || c == '&') && text.charAt(i) == c) {
            i++;
        }
    }

    /** {@code > file}, {@code 2>&1}, {@code < file}: not words of the command, and neither is their target. */
    private void redirection() {
        if (word != null && word.toString().chars().allMatch(Character::isDigit)) {
            word = null; // the 2 of 2>
        } else {
            endWord();
        }
        while (i < text.length() && "<>".indexOf(text.charAt(i)) >= 0) {
            i++;
        }
        if (i < text.length() && text.charAt(i) == '&') {
            i++;
            while (i < text.length() && (Character.isDigit(text.charAt(i)) || text.charAt(i) == '-')) {
                i++;
            }
            return;
        }
        redirectTarget = true;
    }

    private void append(String s) {
        if (word == null) {
            word = new StringBuilder();
        }
        word.append(s);
    }

    private void endWord() {
        if (word == null) {
            return;
        }
        if (redirectTarget) {
            redirectTarget = false;
        } else {
            words.add(word.toString());
        }
        word = null;
    }

    private void endCommand() {
        endWord();
        redirectTarget = false;
        if (!words.isEmpty()) {
            commands.add(words);
        }
        words = new ArrayList<>();
    }
}
