package org.metrolims.reports.certificate;

import java.util.random.RandomGenerator;

/**
 * Verification codes: 8 characters from an alphabet without look-alikes (no 0/O, 1/I/L), about 39 bits, so that a
 * certificate number alone (printed, guessable) does not open its details on the public page.
 */
final class VerificationCodes {

    private static final char[] ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ".toCharArray();

    private VerificationCodes() {
    }

    static String next(RandomGenerator random) {
        char[] code = new char[9];
        for (int i = 0; i < code.length; i++) {
            code[i] = i == 4 ? '-' : ALPHABET[random.nextInt(ALPHABET.length)];
        }
        return new String(code);
    }
}
