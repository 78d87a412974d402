package org.quotecheck.semantic;

import jakarta.enterprise.context.ApplicationScoped;
import org.quotecheck.verification.meaning.SourcePassage;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The passages and vectors of complete source versions, in memory, least recently used first out within a budget.
 * A version's passages never change once all are embedded, so its id is a safe key. About 1.6 KB a passage (a
 * 384-float vector and the text); a 1 MB source has about 17,000 passages, some 27 MB.
 */
@ApplicationScoped
public class PassageCache {

    static final long BUDGET_BYTES = 512L * 1024 * 1024;

    private final LinkedHashMap<Long, Entry> cached = new LinkedHashMap<>(16, 0.75f, true);
    private long used;

    private record Entry(List<SourcePassage> passages, long bytes) {
    }

    public List<SourcePassage> get(long versionId, Supplier<List<SourcePassage>> load) {
        synchronized (this) {
            Entry entry = cached.get(versionId);
            if (entry != null) {
                return entry.passages();
            }
        }
        List<SourcePassage> loaded = List.copyOf(load.get());
        long bytes = loaded.stream().mapToLong(p -> 64 + 2L * p.text().length() + (p.vector() == null ? 0 : 16 + 4L * p.vector().length)).sum();
        synchronized (this) {
            if (cached.putIfAbsent(versionId, new Entry(loaded, bytes)) == null) {
                used += bytes;
                Iterator<Map.Entry<Long, Entry>> eldest = cached.entrySet().iterator();
                while (used > BUDGET_BYTES && cached.size() > 1 && eldest.hasNext()) {
                    used -= eldest.next().getValue().bytes();
                    eldest.remove();
                }
            }
        }
        return loaded;
    }

    /** Memory held, for measurements. */
    public synchronized long usedBytes() {
        return used;
    }
}
