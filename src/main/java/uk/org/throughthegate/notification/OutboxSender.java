package uk.org.throughthegate.notification;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.annotation.PreDestroy;

import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Sends the outbox's mails: woken when a step that queued mails commits, it takes the waiting mails a
 * page at a time, each page in one transaction (sent, logged and removed together), until the outbox
 * is empty; it waits {@code ttg.mail.linger} (100 ms) first, so that the steps committing meanwhile
 * share a page. Every {@code ttg.mail.outbox-sweep} (10 s) it looks
 * again, for mails nobody woke it for: queued on a node that stopped before sending them, or left
 * while the database was away.
 * <p>
 * Each node has {@code ttg.mail.senders} (2) of them. A page's mails are locked by its transaction
 * and passed over by every other sender, so a mail goes once however many nodes run; if a node dies
 * mid-page, its locks go with its connection and another sender takes the mails (with the same
 * Message-ID, see MailDelivery). It runs where the job executor runs
 * ({@code camunda.bpm.job-execution.enabled}); the tests, which drive the engine themselves, call
 * {@link #sendAllNow()}.
 * <p>
 * Until 2026-12-07 each step made a job of its own to send its mails (SendQueuedMails): the job
 * executor's insert, acquisition, lock, read, incident check and delete for every step.
 */
@Component
class OutboxSender {

    /**
     * Mails taken in one transaction: enough that a busy minute's steps share a few, few enough that a
     * node killed mid-page sends little twice (a page whose mails the mail server took but whose
     * transaction never committed is sent again: 5 mails twice in the kill test, with pages of 100 and
     * with pages of 25).
     */
    static final int PAGE = 25;

    private static final Logger LOG = LoggerFactory.getLogger(OutboxSender.class);

    private final OutboxSending sending;
    private final ProcessEngineConfigurationImpl engine;
    private final boolean running;
    private final int senders;
    private final long sweepSeconds;
    private final long lingerMillis;
    private final AtomicInteger busy = new AtomicInteger();
    private final AtomicBoolean woken = new AtomicBoolean();
    private volatile boolean stopped;
    private ExecutorService workers;
    private ScheduledExecutorService sweep;

    OutboxSender(OutboxSending sending, ProcessEngineConfiguration configuration,
            @Value("${camunda.bpm.job-execution.enabled:true}") boolean running,
            @Value("${ttg.mail.senders:2}") int senders,
            @Value("${ttg.mail.outbox-sweep:10s}") java.time.Duration sweep,
            @Value("${ttg.mail.linger:100ms}") java.time.Duration linger) {
        this.sending = sending;
        this.engine = (ProcessEngineConfigurationImpl) configuration;
        this.running = running;
        this.senders = Math.max(1, senders);
        this.sweepSeconds = Math.max(1, sweep.toSeconds());
        this.lingerMillis = Math.max(0, linger.toMillis());
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        if (!running) {
            return;
        }
        AtomicInteger n = new AtomicInteger();
        workers = Executors.newFixedThreadPool(senders, r -> daemon(r, "mail-sender-" + n.incrementAndGet()));
        sweep = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "mail-sender-sweep"));
        // at once too: mails a stopped node left
        sweep.scheduleWithFixedDelay(this::wake, 0, sweepSeconds, TimeUnit.SECONDS);
    }

    @PreDestroy
    void stop() throws InterruptedException {
        stopped = true;
        if (sweep != null) {
            sweep.shutdownNow();
            workers.shutdown();
            // a page under way finishes, or its mails stay in the outbox for the next start
            workers.awaitTermination(10, TimeUnit.SECONDS);
        }
    }

    /** Mails were queued and committed: a sender takes them now, unless all are busy (then one looks again after). */
    void wake() {
        woken.set(true);
        if (workers == null || stopped) {
            return;
        }
        int now = busy.get();
        while (now < senders) {
            if (busy.compareAndSet(now, now + 1)) {
                try {
                    workers.execute(this::drain);
                } catch (java.util.concurrent.RejectedExecutionException e) {
                    busy.decrementAndGet(); // stopping
                }
                return;
            }
            now = busy.get();
        }
    }

    /**
     * Sends every mail waiting now, a page at a time, in the calling thread; says how many it took.
     * For the tests, which run no sender of their own.
     */
    int sendAllNow() {
        int taken = 0;
        int page;
        do {
            page = sendPage();
            taken += page;
        } while (page == PAGE);
        return taken;
    }

    private void drain() {
        try {
            // a wake while this one works means more may have been committed: look once more
            while (woken.get() && !stopped) {
                linger();
                // Every wake cleared here came from a commit before this point, so the page sees its mails.
                woken.set(false);
                sendAllNow();
            }
        } catch (RuntimeException e) {
            // The database went away or the page failed: its mails stay in the outbox, for the sweep.
            LOG.warn("Mails could not be sent now ({}); they stay in the outbox and are tried again within {} s",
                    e.getClass().getSimpleName(), sweepSeconds);
        } finally {
            busy.decrementAndGet();
        }
        if (woken.get()) {
            wake(); // woken after this one last looked, while every sender was busy
        }
    }

    /**
     * Waits a moment before taking a page, so that the steps committing meanwhile share it: woken by
     * each commit and taking at once, a sender took one step's mails a page (1,062 of 1,531 pages held
     * one mail in a benchmark run).
     */
    private void linger() {
        if (lingerMillis > 0) {
            try {
                Thread.sleep(lingerMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private int sendPage() {
        return engine.getCommandExecutorTxRequired().execute(command -> sending.sendWaiting(PAGE));
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }
}
