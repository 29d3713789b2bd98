package org.metrolims.db;

import org.metrolims.db.failure.InvalidInput;

/**
 * Which page of a list to read. Sizes are capped so that no request can ask for a whole table, and the offset
 * ({@code page × size}) must stay a 32-bit number, so that no page number overflows on its way to SQL.
 *
 * @param page zero-based page number
 * @param size items per page, 1 to {@value #MAX_SIZE}
 */
public record PageRequest(int page, int size) {

    public static final int MAX_SIZE = 500;
    public static final int DEFAULT_SIZE = 50;

    public PageRequest {
        if (page < 0) {
            throw new InvalidPageException("page", "must be 0 or more, got " + page);
        }
        if (size < 1 || size > MAX_SIZE) {
            throw new InvalidPageException("size", "must be between 1 and " + MAX_SIZE + ", got " + size);
        }
        if ((long) page * size > Integer.MAX_VALUE) {
            throw new InvalidPageException("page", "page × size must stay below 2^31, got page " + page);
        }
    }

    /**
     * For pages of the web interface, where a page number comes from a link: a negative one reads the first page and
     * one beyond any list the last page that can be addressed (an empty page), never a failure.
     */
    public static PageRequest clamped(int page, int size) {
        int last = Integer.MAX_VALUE / size;
        return new PageRequest(Math.min(Math.max(page, 0), last), size);
    }

    public int offset() {
        return page * size;
    }

    /** A page or size out of range; {@link #field()} is the request parameter it came from. */
    public static final class InvalidPageException extends InvalidInput {

        public InvalidPageException(String field, String message) {
            super(field, message);
        }
    }
}
