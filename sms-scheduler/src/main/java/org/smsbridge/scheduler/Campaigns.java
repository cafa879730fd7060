package org.smsbridge.scheduler;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.smsbridge.MessageStatus;
import org.smsbridge.SmsException;
import org.smsbridge.SmsMessage;
import org.smsbridge.phone.PhoneNumbers;
import org.smsbridge.scheduler.internal.RecipientZones;
import org.smsbridge.templates.Template;
import org.smsbridge.templates.TemplateLibrary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs {@link Campaign}s on an {@link Outbox} (seed 003): status changes, sending each recipient
 * the campaign's template, quiet hours in the recipient's time zone, carrier approval of
 * advertising, the opt-out list, and counts.
 *
 * <pre>{@code
 * Campaigns campaigns = Campaigns.builder()
 *         .outbox(outbox)
 *         .optOutList(JdbcOptOutList.builder(dataSource).build())
 *         .defaultRegion("VN").defaultZone(ZoneId.of("Asia/Ho_Chi_Minh"))
 *         .advertisingNeedsApproval(true)               // the carrier approves advertising first
 *         .build();
 * campaigns.create(campaign);
 * campaigns.activate("tet-2027");
 * CampaignSendReport r = campaigns.send("tet-2027", customers);
 * campaigns.recordApproval("tet-2027");                // held messages go to the outbox
 * }</pre>
 *
 * <h2>Rules</h2>
 * <ul>
 *   <li>{@link #send} works only while the campaign is {@code ACTIVE} and its end time is in the
 *       future; otherwise it throws {@link IllegalStateException} saying why. Each recipient on a
 *       selected list gets one message with reference {@code campaign:<campaign id>:<recipient id>}
 *       and the campaign id as {@link EntryOptions#campaignId()}, so sending the same recipients
 *       again adds nothing. Every message is valid until the campaign's end: the outbox expires
 *       (Failed, {@code EXPIRED}) whatever is still unsent then.</li>
 *   <li>Send time: now, or the campaign's {@code sendAt}, never before its {@code startAt}, and then
 *       moved to the end of the quiet hours when it falls inside them in any of the number's
 *       candidate time zones ({@code RecipientZones}; the {@link Builder#defaultZone default zone}
 *       when the number's zone is unknown). A number whose zones have no common allowed hour is
 *       rejected.</li>
 *   <li>Advertising skips (and counts) numbers on the {@link OptOutList}; customer care does not.</li>
 *   <li>Carrier approval ({@link Builder#advertisingNeedsApproval}): until
 *       {@link #recordApproval} advertising messages are kept as drafts in the outbox (status
 *       {@code DRAFT}, folder Drafts, with the campaign id): they are never sent. Approval moves them
 *       to the outbox, at the end of the quiet hours where needed. Drafts older than the
 *       {@link Builder#approvalTimeout approval timeout} (3 days by default) are moved to Failed with
 *       status {@code EXPIRED} and the reason, by {@link #expireUnapproved()} (call it periodically)
 *       or {@link #recordRejection}. Carriers without an API get an {@link #approvalPackage}.</li>
 *   <li>{@link #pause}: the campaign's unsent outbox entries move to Deleted (their origin, Outbox,
 *       is remembered); drafts held for approval stay drafts (approval expiry still runs). An entry a
 *       node is sending at that moment is reported as skipped and is sent.</li>
 *   <li>{@link #resume}: every Deleted entry of the campaign that was deleted from the Outbox is
 *       rescheduled in one step: to its old scheduled time or now, moved past the quiet hours, so
 *       nothing is sent at night. This includes entries of the campaign a user deleted by hand from
 *       the outbox while it was paused: purge those before resuming to keep them out. Approved held
 *       drafts are released too.</li>
 *   <li>{@link #end}: final; unsent outbox entries and held drafts move to Deleted.</li>
 * </ul>
 *
 * <p>Campaign definitions are kept in memory by this instance; the host keeps them in its own
 * database and registers them again with {@link #create} after a restart (messages live in the
 * outbox's store). Thread-safe: status changes exclude each other and running {@link #send} calls.
 */
public final class Campaigns {
    /** How long advertising waits for the carrier's approval when no timeout is given. */
    public static final Duration DEFAULT_APPROVAL_TIMEOUT = Duration.ofDays(3);

    private static final Logger LOG = LoggerFactory.getLogger(Campaigns.class);
    private static final int PAGE = OutboxQuery.MAX_LIMIT;

    private final Outbox outbox;
    private final Clock clock;
    private final OptOutList optOut;
    private final TemplateLibrary templates;
    private final String defaultRegion;
    private final ZoneId defaultZone;
    private final boolean needsApproval;
    private final Duration approvalTimeout;
    private final ConcurrentMap<String, Campaign> campaigns = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, AtomicLong[]> tallies = new ConcurrentHashMap<>();
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();

    private Campaigns(Builder b) {
        this.outbox = b.outbox;
        this.clock = b.clock != null ? b.clock : Clock.systemUTC();
        this.optOut = b.optOut != null ? b.optOut : OptOutList.inMemory();
        this.templates = b.templates;
        this.defaultRegion = b.defaultRegion;
        this.defaultZone = b.defaultZone;
        this.needsApproval = b.needsApproval;
        this.approvalTimeout = b.approvalTimeout;
    }

    /** Starts a configuration; {@code outbox} is required. */
    public static Builder builder() {
        return new Builder();
    }

    // ---------------------------------------------------------------- definitions

    /**
     * Registers a campaign (in any status, so that a host can register its campaigns again after a
     * restart; new campaigns are usually {@code DRAFT}).
     *
     * @return the campaign
     * @throws IllegalArgumentException if a campaign with its id is registered
     */
    public Campaign create(Campaign campaign) {
        Objects.requireNonNull(campaign, "campaign");
        lock.writeLock().lock();
        try {
            if (campaigns.putIfAbsent(campaign.id(), campaign) != null) {
                throw new IllegalArgumentException("campaign '" + campaign.id() + "' exists; update(...) it, or "
                        + "give the new campaign another id");
            }
            LOG.debug("campaign {} created ({})", campaign.id(), campaign.status());
            return campaign;
        } finally {
            lock.writeLock().unlock();
        }
    }

    /**
     * Replaces a campaign's definition (name, times, template, lists, quiet hours...). Its status
     * and recorded approval are kept; change the status with {@link #activate}, {@link #pause},
     * {@link #resume} and {@link #end}. Messages already in the outbox keep their text and times.
     *
     * @throws IllegalArgumentException if no campaign has its id, or its status differs from the registered one
     * @throws IllegalStateException    if the campaign has ended
     */
    public Campaign update(Campaign campaign) {
        Objects.requireNonNull(campaign, "campaign");
        lock.writeLock().lock();
        try {
            Campaign cur = require(campaign.id());
            if (cur.status() == CampaignStatus.ENDED) {
                throw new IllegalStateException("campaign '" + cur.id() + "' has ended; an ended campaign cannot "
                        + "change, create a new one");
            }
            if (campaign.status() != cur.status()) {
                throw new IllegalArgumentException("campaign '" + cur.id() + "' is " + cur.status() + "; update(...) "
                        + "does not change the status (was given " + campaign.status() + "): use activate, pause, "
                        + "resume or end");
            }
            Campaign.Builder b = campaign.toBuilder();
            cur.approvedAt().ifPresent(b::approvedAt);
            Campaign next = b.build();
            campaigns.put(next.id(), next);
            return next;
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** The campaign with {@code id}, if registered. */
    public Optional<Campaign> get(String id) {
        return Optional.ofNullable(campaigns.get(Objects.requireNonNull(id, "id")));
    }

    /** Every registered campaign, by id. */
    public List<Campaign> list() {
        return campaigns.values().stream().sorted((a, b) -> a.id().compareTo(b.id())).toList();
    }

    // ---------------------------------------------------------------- status

    /**
     * {@code DRAFT → ACTIVE}.
     *
     * @throws IllegalArgumentException if no campaign has this id
     * @throws IllegalStateException    if it is not a draft, or its end time has passed
     */
    public Campaign activate(String id) {
        lock.writeLock().lock();
        try {
            Campaign c = require(id);
            requireStatus(c, "activate", CampaignStatus.DRAFT);
            requireNotOver(c, "activate");
            return put(c.toBuilder().status(CampaignStatus.ACTIVE).build());
        } finally {
            lock.writeLock().unlock();
        }
    }

    /**
     * {@code ACTIVE → PAUSED}: the campaign's unsent outbox entries move to Deleted (see the class
     * comment); drafts held for approval stay.
     *
     * @return the campaign and the entries stopped; an entry being sent right now is skipped (and sent)
     * @throws IllegalArgumentException if no campaign has this id
     * @throws IllegalStateException    if it is not active
     */
    public CampaignChange pause(String id) {
        lock.writeLock().lock();
        try {
            Campaign c = require(id);
            requireStatus(c, "pause", CampaignStatus.ACTIVE);
            Campaign next = put(c.toBuilder().status(CampaignStatus.PAUSED).build());
            OutboxBatch b = outbox.deleteAll(ids(c.id(), Folder.OUTBOX));
            LOG.debug("campaign {} paused; {} messages stopped, {} skipped", id, b.changed().size(), b.skipped().size());
            return new CampaignChange(next, b.changed().size(), b.skipped());
        } finally {
            lock.writeLock().unlock();
        }
    }

    /**
     * {@code PAUSED → ACTIVE}: the entries that {@link #pause} stopped go back to the outbox, moved
     * past the quiet hours (see the class comment); approved held drafts are released.
     *
     * @throws IllegalArgumentException if no campaign has this id
     * @throws IllegalStateException    if it is not paused, or its end time has passed (end it instead)
     */
    public CampaignChange resume(String id) {
        lock.writeLock().lock();
        try {
            Campaign c = require(id);
            requireStatus(c, "resume", CampaignStatus.PAUSED);
            requireNotOver(c, "resume");
            Campaign next = put(c.toBuilder().status(CampaignStatus.ACTIVE).build());
            Instant base = earliest(next);
            int moved = 0;
            Map<Long, String> skipped = new LinkedHashMap<>();
            for (OutboxEntry e : entries(id, Folder.DELETED)) {
                if (e.originFolder().filter(f -> f == Folder.OUTBOX).isEmpty()) {
                    continue;
                }
                Instant wanted = e.scheduledAt().filter(base::isBefore).orElse(base);
                moved += release(next, e, wanted, skipped);
            }
            if (releasable(next)) {
                moved += releaseHeld(next, skipped);
            }
            LOG.debug("campaign {} resumed; {} messages back in the outbox", id, moved);
            return new CampaignChange(next, moved, skipped);
        } finally {
            lock.writeLock().unlock();
        }
    }

    /**
     * Ends a campaign for good: its unsent outbox entries and held drafts move to Deleted.
     *
     * @throws IllegalArgumentException if no campaign has this id
     * @throws IllegalStateException    if it has already ended
     */
    public CampaignChange end(String id) {
        lock.writeLock().lock();
        try {
            Campaign c = require(id);
            requireStatus(c, "end", CampaignStatus.DRAFT, CampaignStatus.ACTIVE, CampaignStatus.PAUSED);
            Campaign next = put(c.toBuilder().status(CampaignStatus.ENDED).build());
            List<Long> ids = new ArrayList<>(ids(id, Folder.OUTBOX));
            ids.addAll(ids(id, Folder.DRAFTS));
            OutboxBatch b = outbox.deleteAll(ids);
            LOG.debug("campaign {} ended; {} messages stopped", id, b.changed().size());
            return new CampaignChange(next, b.changed().size(), b.skipped());
        } finally {
            lock.writeLock().unlock();
        }
    }

    // ---------------------------------------------------------------- sending

    /**
     * Sends the campaign to {@code recipients}: for each one on a selected list, renders the
     * template with the recipient's fields and adds the message to the outbox (queued, scheduled,
     * or held for approval), by the rules of the class comment. Never throws for one bad recipient:
     * it is reported in {@link CampaignSendReport#rejected()}.
     *
     * @throws IllegalArgumentException if no campaign has this id, or its saved template does not exist
     * @throws IllegalStateException    if the campaign is not {@code ACTIVE} or its end time has passed
     * @throws OutboxStoreException     if the outbox's store fails (entries added so far stay; sending again adds the rest)
     */
    public CampaignSendReport send(String id, Collection<CampaignRecipient> recipients) {
        Objects.requireNonNull(recipients, "recipients");
        lock.readLock().lock();
        try {
            Campaign c = require(id);
            if (c.status() != CampaignStatus.ACTIVE) {
                throw new IllegalStateException("campaign '" + id + "' is " + c.status() + "; only an ACTIVE campaign "
                        + "sends" + switch (c.status()) {
                            case DRAFT -> ": activate(\"" + id + "\") first";
                            case PAUSED -> ": resume(\"" + id + "\") first";
                            default -> " and an ended campaign never sends again";
                        });
            }
            requireNotOver(c, "send");
            Template template = template(c);
            boolean hold = isHeld(c);
            Instant now = clock.instant();
            Instant base = earliest(c);
            Set<String> existing = references(id);
            EntryOptions.Builder options = EntryOptions.builder().campaignId(id);
            int targeted = 0;
            int notSelected = 0;
            int queued = 0;
            int scheduled = 0;
            int held = 0;
            int optedOut = 0;
            int already = 0;
            Map<String, String> rejected = new LinkedHashMap<>();
            for (CampaignRecipient r : recipients) {
                if (!c.targets(r.lists())) {
                    notSelected++;
                    continue;
                }
                targeted++;
                String reference = reference(c, r);
                if (existing.contains(reference)) {
                    already++;
                    continue;
                }
                Object raw = r.fields().get(c.phoneField());
                if (raw == null || String.valueOf(raw).isBlank()) {
                    rejected.put(r.id(), "no number in field '" + c.phoneField() + "'");
                    continue;
                }
                String e164;
                try {
                    e164 = normalize(String.valueOf(raw));
                } catch (SmsException | IllegalArgumentException e) {
                    rejected.put(r.id(), "number in field '" + c.phoneField() + "': " + e.getMessage());
                    continue;
                }
                if (c.purpose() == CampaignPurpose.ADVERTISING && optOut.contains(e164)) {
                    optedOut++;
                    LOG.debug("campaign {}: {} opted out, skipped", id, PhoneNumbers.mask(e164));
                    continue;
                }
                String text;
                try {
                    text = template.render(r.fields());
                } catch (RuntimeException e) {
                    rejected.put(r.id(), "template: " + e.getMessage());
                    continue;
                }
                SmsMessage m = message(c, e164, text, reference);
                EntryOptions o = options.contact(r.id()).build();
                existing.add(reference);
                if (hold) {
                    outbox.saveDraft(m, o);
                    held++;
                    LOG.debug("campaign {}: message to {} held for carrier approval", id, PhoneNumbers.mask(e164));
                    continue;
                }
                Optional<Instant> at = c.quietHours().nextAllowed(base, zones(e164));
                if (at.isEmpty()) {
                    existing.remove(reference);
                    rejected.put(r.id(), "no hour outside the quiet hours " + c.quietHours() + " in every time zone "
                            + "of the number " + zones(e164));
                    continue;
                }
                if (at.get().isAfter(now)) {
                    outbox.schedule(m, at.get(), o);
                    scheduled++;
                } else {
                    outbox.enqueue(m, o);
                    queued++;
                }
                LOG.debug("campaign {}: message to {} for {}", id, PhoneNumbers.mask(e164), at.get());
            }
            AtomicLong[] t = tallies.computeIfAbsent(id, k -> new AtomicLong[] {new AtomicLong(), new AtomicLong()});
            t[0].addAndGet(targeted);
            t[1].addAndGet(optedOut);
            return new CampaignSendReport(id, targeted, notSelected, queued, scheduled, held, optedOut, already,
                    rejected);
        } finally {
            lock.readLock().unlock();
        }
    }

    // ---------------------------------------------------------------- carrier approval

    /**
     * Records that the carrier approved an advertising campaign. When the campaign is active, its
     * held drafts go to the outbox at once (moved past the quiet hours); when paused, on
     * {@link #resume}. Messages sent afterwards are not held. Recording it again changes nothing.
     *
     * @throws IllegalArgumentException if no campaign has this id
     * @throws IllegalStateException    if it is not an advertising campaign, or it has ended
     */
    public CampaignChange recordApproval(String id) {
        lock.writeLock().lock();
        try {
            Campaign c = require(id);
            requireAdvertising(c, "record an approval");
            requireStatus(c, "record an approval", CampaignStatus.DRAFT, CampaignStatus.ACTIVE, CampaignStatus.PAUSED);
            Campaign next = c.approvedAt().isPresent() ? c : put(c.toBuilder().approvedAt(clock.instant()).build());
            Map<Long, String> skipped = new LinkedHashMap<>();
            int moved = releasable(next) && !isOver(next) ? releaseHeld(next, skipped) : 0;
            LOG.debug("campaign {} approved; {} held messages released", id, moved);
            return new CampaignChange(next, moved, skipped);
        } finally {
            lock.writeLock().unlock();
        }
    }

    /**
     * Records that the carrier refused an advertising campaign: its held drafts move to Failed with
     * status {@code EXPIRED} and the reason. The campaign itself is unchanged (end it, or change the
     * content with {@link #update} and send again under a new campaign id).
     *
     * @throws IllegalArgumentException if no campaign has this id, or the reason is blank
     * @throws IllegalStateException    if it is not an advertising campaign
     */
    public CampaignChange recordRejection(String id, String reason) {
        Objects.requireNonNull(reason, "reason");
        if (reason.isBlank()) {
            throw new IllegalArgumentException("reason must not be blank; say what the carrier answered");
        }
        lock.writeLock().lock();
        try {
            Campaign c = require(id);
            requireAdvertising(c, "record a rejection");
            Map<Long, String> skipped = new LinkedHashMap<>();
            int n = expire(entries(id, Folder.DRAFTS), "the carrier rejected advertising campaign '" + id + "': "
                    + reason + "; the message was not sent", skipped);
            return new CampaignChange(c, n, skipped);
        } finally {
            lock.writeLock().unlock();
        }
    }

    /**
     * Moves held drafts older than the approval timeout (of every registered advertising campaign
     * not yet approved) to Failed with status {@code EXPIRED} and a reason that says so. Call it
     * periodically (every few minutes, or hourly).
     *
     * @return how many messages expired
     */
    public int expireUnapproved() {
        lock.writeLock().lock();
        try {
            Instant now = clock.instant();
            int n = 0;
            for (Campaign c : list()) {
                if (c.purpose() != CampaignPurpose.ADVERTISING || c.approvedAt().isPresent()) {
                    continue;
                }
                List<OutboxEntry> old = entries(c.id(), Folder.DRAFTS).stream()
                        .filter(e -> !e.createdAt().plus(approvalTimeout).isAfter(now)).toList();
                n += expire(old, "carrier approval of advertising campaign '" + c.id() + "' did not arrive within "
                        + approvalTimeout + "; the message was not sent", new LinkedHashMap<>());
            }
            return n;
        } finally {
            lock.writeLock().unlock();
        }
    }

    /**
     * The customer list and content to e-mail to a carrier that approves advertising by e-mail:
     * each targeted recipient with a valid number who has not opted out, with its name (the
     * campaign's {@link Campaign#nameField()}, empty when missing) and E.164 number. See
     * {@link ApprovalPackage} for the files and the formula escaping.
     *
     * @throws IllegalArgumentException if no campaign has this id, or its saved template does not exist
     * @throws IllegalStateException    if it is not an advertising campaign
     */
    public ApprovalPackage approvalPackage(String id, Collection<CampaignRecipient> recipients) {
        Objects.requireNonNull(recipients, "recipients");
        Campaign c = require(id);
        requireAdvertising(c, "make an approval package");
        Template template = template(c);
        List<List<String>> rows = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (CampaignRecipient r : recipients) {
            Object raw = r.fields().get(c.phoneField());
            if (!c.targets(r.lists()) || raw == null) {
                continue;
            }
            String e164;
            try {
                e164 = normalize(String.valueOf(raw));
            } catch (SmsException | IllegalArgumentException e) {
                continue;
            }
            if (optOut.contains(e164) || !seen.add(e164)) {
                continue;
            }
            rows.add(List.of(String.valueOf(r.fields().getOrDefault(c.nameField(), "")), e164));
        }
        String email = "Campaign: " + c.name() + " (" + c.id() + ")\n"
                + "Purpose: advertising\n"
                + c.sender().map(s -> "Sender: " + s + "\n").orElse("")
                + "Period: " + c.startAt().map(Instant::toString).orElse("on approval") + " to " + c.endAt() + "\n"
                + "Customers: " + rows.size() + " (attached as CSV and XLSX)\n"
                + "\nContent to approve:\n" + template.body() + "\n";
        return new ApprovalPackage(id, template.body(), email, rows);
    }

    // ---------------------------------------------------------------- opt-out

    /**
     * Handles a reply from a customer: when {@link OptOutKeywords#isOptOut} recognizes it (STOP,
     * UNSUBSCRIBE, 退订, TD, ΔΙΑΓΡΑΦΗ, HỦY, TỪ CHỐI...), the number is added to the opt-out list
     * with the source {@code "reply: <text>"}.
     *
     * @param from the number that replied, E.164 or national in the default region
     * @return whether the reply was an opt-out (also when the number was listed already)
     * @throws IllegalArgumentException if {@code from} is not a valid number
     */
    public boolean recordReply(String from, String text) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(text, "text");
        if (!OptOutKeywords.isOptOut(text)) {
            return false;
        }
        String e164;
        try {
            e164 = normalize(from);
        } catch (SmsException e) {
            throw new IllegalArgumentException("reply sender '" + PhoneNumbers.mask(from) + "' is not a valid number: "
                    + e.getMessage(), e);
        }
        String t = text.strip();
        optOut.add(e164, clock.instant(), "reply: " + (t.length() > 100 ? t.substring(0, 100) : t));
        LOG.debug("{} opted out by reply", PhoneNumbers.mask(e164));
        return true;
    }

    /** The opt-out list in use. */
    public OptOutList optOutList() {
        return optOut;
    }

    // ---------------------------------------------------------------- counts

    /**
     * Where the campaign's messages are; see {@link CampaignCounts} for what each number means.
     *
     * @throws IllegalArgumentException if no campaign has this id
     */
    public CampaignCounts counts(String id) {
        require(id);
        AtomicLong[] t = tallies.getOrDefault(id, new AtomicLong[] {new AtomicLong(), new AtomicLong()});
        return new CampaignCounts(id, t[0].get(), t[1].get(),
                count(id, Folder.OUTBOX, EnumSet.of(MessageStatus.QUEUED, MessageStatus.SENDING)),
                count(id, Folder.OUTBOX, EnumSet.of(MessageStatus.SCHEDULED)),
                count(id, Folder.DRAFTS, Set.of()),
                count(id, Folder.SENT, Set.of()),
                count(id, Folder.SENT, EnumSet.of(MessageStatus.DELIVERED)),
                count(id, Folder.FAILED, EnumSet.complementOf(EnumSet.of(MessageStatus.EXPIRED))),
                count(id, Folder.FAILED, EnumSet.of(MessageStatus.EXPIRED)),
                count(id, Folder.DELETED, Set.of()));
    }

    // ---------------------------------------------------------------- helpers

    /** The reference of the campaign's message to a recipient: {@code campaign:<campaign id>:<recipient id>}. */
    public static String reference(Campaign campaign, CampaignRecipient recipient) {
        return "campaign:" + campaign.id() + ":" + recipient.id();
    }

    private long count(String id, Folder folder, Set<MessageStatus> statuses) {
        return outbox.count(OutboxQuery.builder().campaignId(id).folder(folder).statuses(statuses).build());
    }

    private SmsMessage message(Campaign c, String e164, String text, String reference) {
        SmsMessage.Builder b = SmsMessage.builder().to(e164).text(text).reference(reference)
                .purpose(c.purpose().messagePurpose()).validUntil(c.endAt()).putMetadata("campaign", c.id());
        c.carrierTemplateId().ifPresent(t -> b.putMetadata("carrierTemplateId", t));
        c.sender().ifPresent(b::from);
        return b.build();
    }

    private boolean isHeld(Campaign c) {
        return needsApproval && c.purpose() == CampaignPurpose.ADVERTISING && c.approvedAt().isEmpty();
    }

    private boolean releasable(Campaign c) {
        return c.status() == CampaignStatus.ACTIVE && !isHeld(c);
    }

    private int releaseHeld(Campaign c, Map<Long, String> skipped) {
        Instant base = earliest(c);
        int n = 0;
        for (OutboxEntry e : entries(c.id(), Folder.DRAFTS)) {
            n += release(c, e, base, skipped);
        }
        return n;
    }

    /** Reschedules one entry to the first allowed moment at or after {@code wanted}; 1 if moved. */
    private int release(Campaign c, OutboxEntry e, Instant wanted, Map<Long, String> skipped) {
        Optional<Instant> at = c.quietHours().nextAllowed(wanted, zones(e.phone()));
        if (at.isEmpty()) {
            skipped.put(e.id(), "no hour outside the quiet hours " + c.quietHours() + " in every time zone of "
                    + PhoneNumbers.mask(e.phone()));
            return 0;
        }
        try {
            outbox.reschedule(e.id(), at.get());
            return 1;
        } catch (IllegalArgumentException | IllegalStateException x) {
            skipped.put(e.id(), x.getMessage());
            return 0;
        }
    }

    private int expire(List<OutboxEntry> entries, String reason, Map<Long, String> skipped) {
        int n = 0;
        for (OutboxEntry e : entries) {
            try {
                outbox.expire(e.id(), reason);
                n++;
            } catch (IllegalArgumentException | IllegalStateException x) {
                skipped.put(e.id(), x.getMessage());
            }
        }
        return n;
    }

    private List<ZoneId> zones(String e164) {
        List<ZoneId> z = RecipientZones.candidates(e164);
        return z.isEmpty() ? List.of(defaultZone) : z;
    }

    /** Now, or the campaign's send or start time when later. */
    private Instant earliest(Campaign c) {
        Instant t = clock.instant();
        if (c.sendAt().isPresent() && c.sendAt().get().isAfter(t)) {
            t = c.sendAt().get();
        }
        if (c.startAt().isPresent() && c.startAt().get().isAfter(t)) {
            t = c.startAt().get();
        }
        return t;
    }

    private String normalize(String raw) {
        return defaultRegion == null ? PhoneNumbers.normalize(raw) : PhoneNumbers.normalize(raw, defaultRegion);
    }

    private Template template(Campaign c) {
        if (c.template().isPresent()) {
            return c.template().get();
        }
        String name = c.templateName().orElseThrow();
        if (templates == null) {
            throw new IllegalArgumentException("campaign '" + c.id() + "' uses saved template '" + name
                    + "' but no template library was given: Campaigns.builder().templates(library)");
        }
        try {
            return templates.template(name);
        } catch (SmsException e) {
            throw new IllegalArgumentException("campaign '" + c.id() + "': " + e.getMessage(), e);
        }
    }

    private Set<String> references(String id) {
        Set<String> refs = new HashSet<>();
        for (Folder f : Folder.values()) {
            for (OutboxEntry e : entries(id, f)) {
                e.reference().ifPresent(refs::add);
            }
        }
        return refs;
    }

    private List<Long> ids(String id, Folder folder) {
        return entries(id, folder).stream().map(OutboxEntry::id).toList();
    }

    private List<OutboxEntry> entries(String id, Folder folder) {
        List<OutboxEntry> all = new ArrayList<>();
        for (int offset = 0; ; offset += PAGE) {
            List<OutboxEntry> page = outbox.query(OutboxQuery.builder().campaignId(id).folder(folder)
                    .sort(OutboxQuery.Sort.ID, false).offset(offset).limit(PAGE).build());
            all.addAll(page);
            if (page.size() < PAGE) {
                return all;
            }
        }
    }

    private Campaign put(Campaign c) {
        campaigns.put(c.id(), c);
        LOG.debug("campaign {} is {}", c.id(), c.status());
        return c;
    }

    private Campaign require(String id) {
        Objects.requireNonNull(id, "id");
        Campaign c = campaigns.get(id);
        if (c == null) {
            throw new IllegalArgumentException("no campaign '" + id + "'; create(...) it first");
        }
        return c;
    }

    private static void requireStatus(Campaign c, String action, CampaignStatus... allowed) {
        for (CampaignStatus s : allowed) {
            if (c.status() == s) {
                return;
            }
        }
        throw new IllegalStateException("campaign '" + c.id() + "' is " + c.status() + "; to " + action
                + " it, it must be " + (allowed.length == 1 ? allowed[0] : List.of(allowed)));
    }

    private static void requireAdvertising(Campaign c, String action) {
        if (c.purpose() != CampaignPurpose.ADVERTISING) {
            throw new IllegalStateException("campaign '" + c.id() + "' is " + c.purpose() + "; only advertising "
                    + "campaigns need carrier approval, so there is nothing to " + action + " for");
        }
    }

    private boolean isOver(Campaign c) {
        return !c.endAt().isAfter(clock.instant());
    }

    private void requireNotOver(Campaign c, String action) {
        Instant now = clock.instant();
        if (!c.endAt().isAfter(now)) {
            throw new IllegalStateException("campaign '" + c.id() + "' ended at " + c.endAt() + " (now " + now
                    + "); to " + action + " it, move its end time into the future with update(...), or end(...) it");
        }
    }

    @Override
    public String toString() {
        return "Campaigns{campaigns=" + campaigns.size() + ", advertisingNeedsApproval=" + needsApproval
                + ", approvalTimeout=" + approvalTimeout + ", optOut=" + optOut + '}';
    }

    /** Configures {@link Campaigns}; not thread-safe. {@code outbox} is required. */
    public static final class Builder {
        private Outbox outbox;
        private Clock clock;
        private OptOutList optOut;
        private TemplateLibrary templates;
        private String defaultRegion;
        private ZoneId defaultZone = ZoneOffset.UTC;
        private boolean needsApproval;
        private Duration approvalTimeout = DEFAULT_APPROVAL_TIMEOUT;

        private Builder() {
        }

        /** The outbox messages go to (required). */
        public Builder outbox(Outbox outbox) {
            this.outbox = Objects.requireNonNull(outbox, "outbox");
            return this;
        }

        /**
         * The clock for status rules, send times, quiet hours and approval expiry; default UTC
         * system clock. Use the outbox's clock.
         *
         * @throws IllegalStateException if set twice
         */
        public Builder clock(Clock clock) {
            this.clock = Checks.once("clock", this.clock, clock);
            return this;
        }

        /** The opt-out list; default a new {@link OptOutList#inMemory()}. */
        public Builder optOutList(OptOutList optOut) {
            this.optOut = Objects.requireNonNull(optOut, "optOutList");
            return this;
        }

        /** Where campaigns' saved templates ({@link Campaign#templateName()}) are looked up; default none. */
        public Builder templates(TemplateLibrary templates) {
            this.templates = Objects.requireNonNull(templates, "templates");
            return this;
        }

        /**
         * The region of numbers written without {@code +country} ({@code "VN"}); default none (such
         * numbers are rejected).
         *
         * @throws IllegalArgumentException if not a region libphonenumber knows
         */
        public Builder defaultRegion(String region) {
            this.defaultRegion = PhoneNumbers.checkRegion(region);
            return this;
        }

        /** The time zone for quiet hours when a number's zone is unknown; default UTC. */
        public Builder defaultZone(ZoneId zone) {
            this.defaultZone = Objects.requireNonNull(zone, "defaultZone");
            return this;
        }

        /**
         * Whether the provider sends advertising only after the carrier approved it; default
         * {@code false}. On: advertising messages are held as drafts until {@link #recordApproval}.
         */
        public Builder advertisingNeedsApproval(boolean needsApproval) {
            this.needsApproval = needsApproval;
            return this;
        }

        /**
         * How long held advertising waits for approval before {@link #expireUnapproved()} expires
         * it; default {@link #DEFAULT_APPROVAL_TIMEOUT} (3 days).
         *
         * @throws IllegalArgumentException if not positive
         */
        public Builder approvalTimeout(Duration timeout) {
            this.approvalTimeout = Checks.positive("approvalTimeout", timeout);
            return this;
        }

        /**
         * The service.
         *
         * @throws IllegalStateException if the outbox is missing
         */
        public Campaigns build() {
            if (outbox == null) {
                throw new IllegalStateException("outbox is required: Campaigns.builder().outbox(outbox)");
            }
            return new Campaigns(this);
        }
    }
}
