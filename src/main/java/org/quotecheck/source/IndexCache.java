package org.quotecheck.source;

import jakarta.enterprise.context.ApplicationScoped;
import org.quotecheck.verification.SourceIndex;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Source indexes by content hash, least recently used first out, within a memory budget. A source version's text
 * never changes, so its hash is a safe key; a second check of the same source skips indexing.
 */
@ApplicationScoped
public class IndexCache {

    static final long BUDGET_BYTES = 256L * 1024 * 1024;

    private final LinkedHashMap<String, SourceIndex> indexes = new LinkedHashMap<>(16, 0.75f, true);
    private long used;

    public SourceIndex get(String contentHash, Supplier<String> text) {
        synchronized (this) {
            SourceIndex cached = indexes.get(contentHash);
            if (cached != null) {
                return cached;
            }
        }
        SourceIndex built = SourceIndex.build(text.get());
        synchronized (this) {
            if (indexes.putIfAbsent(contentHash, built) == null) {
                used += built.memoryBytes();
                Iterator<Map.Entry<String, SourceIndex>> eldest = indexes.entrySet().iterator();
                while (used > BUDGET_BYTES && indexes.size() > 1 && eldest.hasNext()) {
                    used -= eldest.next().getValue().memoryBytes();
                    eldest.remove();
                }
            }
            return indexes.get(contentHash) == null ? built : indexes.get(contentHash);
        }
    }
}
