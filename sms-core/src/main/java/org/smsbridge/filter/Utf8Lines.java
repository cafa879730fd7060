package org.smsbridge.filter;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.smsbridge.ErrorKind;
import org.smsbridge.SmsException;

/**
 * Reads the entries of a UTF-8 list file: trimmed lines, without blank lines and {@code #} comments
 * (whole lines, or the rest of a line from a {@code #} after a space, see {@link #withoutComment}).
 */
final class Utf8Lines {
    private Utf8Lines() {
    }

    /**
     * The entries of {@code file}.
     *
     * @param what what the file is, for error messages ("keyword file")
     * @throws SmsException of kind {@code CONFIGURATION} if the file is missing, unreadable or not UTF-8
     */
    static List<String> read(Path file, String what) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new SmsException(ErrorKind.CONFIGURATION, what + " " + file
                    + " does not exist; check the path (one entry a line, UTF-8)", e);
        } catch (AccessDeniedException e) {
            throw new SmsException(ErrorKind.CONFIGURATION, what + " " + file
                    + " cannot be read: permission denied; check its permissions", e);
        } catch (IOException e) {
            throw new SmsException(ErrorKind.CONFIGURATION, what + " " + file + " cannot be read ("
                    + e.getClass().getSimpleName() + ": " + e.getMessage() + "); check that it is a readable file", e);
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        List<String> entries = new ArrayList<>();
        int lineStart = 0;
        for (int lineNumber = 1; lineStart < bytes.length; lineNumber++) {
            int lineEnd = lineStart;
            while (lineEnd < bytes.length && bytes[lineEnd] != '\n') {
                lineEnd++;
            }
            String line;
            try {
                line = decoder.decode(ByteBuffer.wrap(bytes, lineStart, lineEnd - lineStart)).toString();
            } catch (CharacterCodingException e) {
                throw new SmsException(ErrorKind.CONFIGURATION, what + " " + file + " is not valid UTF-8 at line "
                        + lineNumber + "; save it as UTF-8", e);
            }
            if (lineNumber == 1 && line.startsWith("\uFEFF")) {
                line = line.substring(1);
            }
            line = withoutComment(line).strip();
            if (!line.isEmpty()) {
                entries.add(line);
            }
            lineStart = lineEnd + 1;
        }
        return entries;
    }

    /**
     * The line up to its comment: a {@code #} that is the first char that is not blank, or one after
     * a blank ({@code 中奖 # lottery win}, {@code 中奖 #lottery}) unless a digit follows it, as in a
     * number ({@code số #1}); a {@code #} inside an entry ({@code c#}, {@code no#1}) is kept.
     */
    static String withoutComment(String line) {
        int first = 0;
        while (first < line.length() && blank(line.charAt(first))) {
            first++;
        }
        for (int i = first; i < line.length(); i++) {
            if (line.charAt(i) == '#' && (i == first || blank(line.charAt(i - 1))
                    && !(i + 1 < line.length() && Character.isDigit(line.charAt(i + 1))))) {
                int end = i;
                while (end > 0 && blank(line.charAt(end - 1))) {
                    end--;
                }
                return line.substring(0, end);
            }
        }
        return line;
    }

    private static boolean blank(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c); // the latter has the no-break spaces
    }
}
