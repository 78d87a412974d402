package org.quotecheck.web;

import java.util.Map;

/**
 * The one-line confirmations shown after a redirect ({@code ?notice=created}). Only known keys map to text, so a
 * crafted link cannot put words on the page.
 */
public record Notices(Map<String, String> messages) {

    public String forKey(String key) {
        return key == null ? null : messages.get(key);
    }
}
