package ro.marc.api.common;

import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * A small concurrent memo with a hard bound on its size: when full it is emptied and starts again, so
 * a flood of distinct keys (unique documents, forged tokens never get here) costs at most what no
 * cache would, never memory. No dependency (Caffeine is not on the class path); a hit is one
 * {@link ConcurrentHashMap#get}.
 */
public final class BoundedCache<K, V> {

    private final ConcurrentHashMap<K, V> entries = new ConcurrentHashMap<>();
    private final int maxEntries;

    public BoundedCache(int maxEntries) {
        if (maxEntries < 1) {
            throw new IllegalArgumentException("maxEntries must be at least 1");
        }
        this.maxEntries = maxEntries;
    }

    public V get(K key) {
        return entries.get(key);
    }

    public void put(K key, V value) {
        if (entries.size() >= maxEntries) {
            entries.clear();
        }
        entries.put(key, value);
    }

    /** The cached value, or the computed one (cached unless null); compute runs outside any lock. */
    public V get(K key, Function<? super K, ? extends V> compute) {
        V known = entries.get(key);
        if (known != null) {
            return known;
        }
        V computed = compute.apply(key);
        if (computed != null) {
            put(key, computed);
        }
        return computed;
    }

    public void remove(K key) {
        entries.remove(key);
    }

    public int size() {
        return entries.size();
    }

    public void clear() {
        entries.clear();
    }
}
