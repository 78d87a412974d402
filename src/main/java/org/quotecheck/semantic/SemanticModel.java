package org.quotecheck.semantic;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;
import org.quotecheck.embedding.Embedder;
import org.quotecheck.embedding.minilm.MiniLmEmbedder;

import java.util.Optional;

/**
 * The sentence-embedding model of this instance, loaded once in the background at start. Where it cannot load (no
 * native library for ONNX Runtime, too little memory) or is switched off ({@code QUOTECHECK_SEMANTIC_ENABLED=false}),
 * it is unavailable: sources say so, and checks go by words only, with a notice.
 */
@ApplicationScoped
public class SemanticModel {

    private static final Logger LOG = Logger.getLogger(SemanticModel.class);

    public enum Availability { LOADING, READY, UNAVAILABLE }

    @jakarta.inject.Inject
    org.quotecheck.config.QuotecheckConfig config;

    private volatile Embedder embedder;
    private volatile Availability availability = Availability.LOADING;
    private volatile String reason;
    private volatile Thread loader;

    void loadInBackground(@Observes StartupEvent event) {
        if (!config.semantic().enabled()) {
            availability = Availability.UNAVAILABLE;
            reason = "switched off (QUOTECHECK_SEMANTIC_ENABLED=false)";
            return;
        }
        Thread thread = new Thread(this::load, "quotecheck-model-loader");
        thread.setDaemon(true);
        loader = thread;
        thread.start();
    }

    /**
     * A stop while the model loads waits for it: ONNX Runtime crashes the JVM (SIGSEGV) when the process exits while
     * it is still initialising, which turned a clean stop (a refused configuration, a pod stopped at once) into a
     * crash with exit code 134.
     */
    void finishLoadingBeforeExit(@Observes io.quarkus.runtime.ShutdownEvent event) throws InterruptedException {
        Thread thread = loader;
        if (thread != null && thread.isAlive()) {
            thread.join(60_000);
        }
    }

    /** The model, waiting for it to finish loading if need be; empty when it is unavailable. */
    public Optional<Embedder> embedder() {
        if (availability == Availability.LOADING) {
            load();
        }
        return Optional.ofNullable(embedder);
    }

    public Availability availability() {
        return availability;
    }

    /** Why the model is unavailable, for notices and logs. */
    public String reason() {
        return reason;
    }

    private synchronized void load() {
        if (availability != Availability.LOADING) {
            return;
        }
        long began = System.nanoTime();
        try {
            embedder = new MiniLmEmbedder();
            availability = Availability.READY;
            LOG.infof("Sentence embedding model loaded in %d ms", (System.nanoTime() - began) / 1_000_000);
        } catch (Throwable e) { // UnsatisfiedLinkError and OutOfMemoryError among them: run without the model
            availability = Availability.UNAVAILABLE;
            reason = e.getClass().getSimpleName() + ": " + e.getMessage();
            LOG.errorf("The sentence embedding model could not be loaded; checks by meaning go by words only: %s", reason);
        }
    }
}
