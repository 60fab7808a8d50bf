package dev.newsroom.publish.webhook;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * One FIFO queue per article: only the head of an article's queue is ever being delivered, so a kill never
 * overtakes the publication of the same article, while different articles proceed independently.
 */
final class ArticleQueues<T> {

    private final Map<String, ArrayDeque<T>> queues = new HashMap<>();
    private int size;

    /** Queues {@code item}; true when it is at the head and can start now. */
    boolean add(String article, T item) {
        ArrayDeque<T> queue = queues.computeIfAbsent(article, a -> new ArrayDeque<>());
        queue.addLast(item);
        size++;
        return queue.size() == 1;
    }

    /** Removes the article's head, which has finished; returns the next item, which can start now. */
    Optional<T> finishHead(String article) {
        ArrayDeque<T> queue = queues.get(article);
        if (queue == null || queue.isEmpty()) {
            return Optional.empty();
        }
        queue.removeFirst();
        size--;
        if (queue.isEmpty()) {
            queues.remove(article);
            return Optional.empty();
        }
        return Optional.of(queue.peekFirst());
    }

    /** Drops every item that matches; returns the items that are now at a head and were not before. */
    List<T> removeIf(Predicate<T> drop) {
        List<T> newHeads = new ArrayList<>();
        Iterator<ArrayDeque<T>> all = queues.values().iterator();
        while (all.hasNext()) {
            ArrayDeque<T> queue = all.next();
            T head = queue.peekFirst();
            int before = queue.size();
            queue.removeIf(drop);
            size -= before - queue.size();
            if (queue.isEmpty()) {
                all.remove();
            } else if (queue.peekFirst() != head) {
                newHeads.add(queue.peekFirst());
            }
        }
        return newHeads;
    }

    int size() {
        return size;
    }
}
