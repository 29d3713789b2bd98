package org.metrolims.proficiency.enrolment;

import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * Confidential lab codes ("L07"): drawn at random among the codes not yet used in the round, so that the code says
 * nothing about the lab (not its id, not the order of enrolment). Two digits while there is room, then three, and so
 * on.
 */
final class LabCodes {

    private LabCodes() {
    }

    public static String draw(Set<String> used, RandomGenerator random) {
        int width = 2;
        while (countWithWidth(used, width) >= maxOf(width)) {
            width++;
        }
        int max = maxOf(width);
        int start = 1 + random.nextInt(max);
        for (int i = 0; i < max; i++) {
            int n = 1 + (start - 1 + i) % max;
            String code = format(n, width);
            if (!used.contains(code)) {
                return code;
            }
        }
        throw new IllegalStateException("no free lab code of width " + width);
    }

    private static int maxOf(int width) {
        return (int) Math.pow(10, width) - 1;
    }

    private static long countWithWidth(Set<String> used, int width) {
        return used.stream().filter(c -> c.length() == width + 1).count();
    }

    private static String format(int n, int width) {
        return "L" + String.format("%0" + width + "d", n);
    }
}
