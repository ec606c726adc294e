-- Ask your data: the analytics surface, the read-only role that queries it, and the runner.
--
-- 1. Schema `analytics` holds views only: the curated surface an admin (or a model) may query. No
--    secrets or personal data: no password hashes, tokens, credentials, webhook payloads, shoppers
--    emails, names, messages or addresses. Every view and column carries a COMMENT; the catalogue is
--    read from the live database, so adding a view later is one migration with CREATE VIEW + COMMENTs
--    (the default privileges below grant it to the role automatically).
-- 2. Role `merchloop_ask` (NOLOGIN): USAGE on `analytics`, SELECT on its views, nothing else.
-- 3. `ask_exec.run(sql, max_rows)`: SECURITY DEFINER, owned by `merchloop_ask`, so the query runs with
--    that role s rights only. Inside a security-definer function Postgres refuses
--    `SET ROLE` / `set_config(role, …)` / `SET SESSION AUTHORIZATION`, which a plain
--    `SET LOCAL ROLE` would not prevent (the session user could switch back).
--
-- Works when the migrating user is a superuser (tests, embedded Postgres, docker-compose) and when it
-- merely has CREATEROLE (it creates the role and grants itself membership). When it has neither, the
-- role part is skipped with a WARNING: Ask then refuses to run and /api/production-readiness names the
-- fix (a superuser runs: CREATE ROLE merchloop_ask NOLOGIN; GRANT merchloop_ask TO <app user>;
-- then the app user runs: SELECT ask_exec.install();).

CREATE SCHEMA IF NOT EXISTS analytics;
COMMENT ON SCHEMA analytics IS 'Curated, read-only analytics surface for Ask: views without secrets or personal data.';
CREATE SCHEMA IF NOT EXISTS ask_exec;
COMMENT ON SCHEMA ask_exec IS 'The Ask runner (not queryable by Ask itself).';

-- ───── views ─────

CREATE VIEW analytics.signals AS
SELECT s.id, src.key AS source, s.community, s.title, s.score AS upvotes, s.comments, s.status::text AS status,
       s."rejectReason" AS reject_reason, s."seenCount" AS seen_count, b.total AS total_score, s."postedAt" AS posted_at, s."createdAt" AS created_at
FROM public.signals s
JOIN public.sources src ON src.id = s."sourceId"
LEFT JOIN public.score_breakdowns b ON b."signalId" = s.id;
COMMENT ON VIEW analytics.signals IS 'Trending posts read from Reddit, RSS, CSV and the calendar, one row per signal, with its score.';
COMMENT ON COLUMN analytics.signals.id IS 'signal id';
COMMENT ON COLUMN analytics.signals.source IS 'where it was read: reddit, local, rss:<name>, csv, calendar';
COMMENT ON COLUMN analytics.signals.community IS 'subreddit (lower-case, without r/) or feed name';
COMMENT ON COLUMN analytics.signals.title IS 'post title';
COMMENT ON COLUMN analytics.signals.upvotes IS 'post score (upvotes) when read';
COMMENT ON COLUMN analytics.signals.comments IS 'number of comments when read';
COMMENT ON COLUMN analytics.signals.status IS 'NEW, SCORED, IDEATED or REJECTED';
COMMENT ON COLUMN analytics.signals.reject_reason IS 'why it was rejected (denylist, nsfw, …), null otherwise';
COMMENT ON COLUMN analytics.signals.seen_count IS 'how many times the same post was read (duplicates fold in)';
COMMENT ON COLUMN analytics.signals.total_score IS 'weighted score 0-1, null until scored';
COMMENT ON COLUMN analytics.signals.posted_at IS 'when the post was made (UTC)';
COMMENT ON COLUMN analytics.signals.created_at IS 'when Merchloop read it (UTC)';

CREATE VIEW analytics.ideas AS
SELECT i.id, i."signalId" AS signal_id, s.community, i.theme, i.title, i.status::text AS status, i.score, i.writer,
       cardinality(i."productTypes") AS product_type_count, i."reviewedAt" AS reviewed_at, i."createdAt" AS created_at
FROM public.ideas i
JOIN public.signals s ON s.id = i."signalId";
COMMENT ON VIEW analytics.ideas IS 'Merch ideas written from signals, one row per idea.';
COMMENT ON COLUMN analytics.ideas.id IS 'idea id';
COMMENT ON COLUMN analytics.ideas.signal_id IS 'the signal it came from (analytics.signals.id)';
COMMENT ON COLUMN analytics.ideas.community IS 'subreddit of the signal';
COMMENT ON COLUMN analytics.ideas.theme IS 'short design theme';
COMMENT ON COLUMN analytics.ideas.title IS 'slogan printed on the product';
COMMENT ON COLUMN analytics.ideas.status IS 'NEW, APPROVED, REJECTED, DESIGNED or PUBLISHED';
COMMENT ON COLUMN analytics.ideas.score IS 'score 0-1 of the signal when the idea was written';
COMMENT ON COLUMN analytics.ideas.writer IS 'which writer wrote it (local grammar or openai:<model>)';
COMMENT ON COLUMN analytics.ideas.product_type_count IS 'how many product types it is planned for';
COMMENT ON COLUMN analytics.ideas.reviewed_at IS 'when an admin approved or rejected it';
COMMENT ON COLUMN analytics.ideas.created_at IS 'when it was written (UTC)';

CREATE VIEW analytics.idea_product_types AS
SELECT i.id AS idea_id, pt AS product_type, s.community, i.status::text AS status, i."createdAt" AS created_at
FROM public.ideas i
JOIN public.signals s ON s.id = i."signalId"
CROSS JOIN LATERAL unnest(i."productTypes") AS pt;
COMMENT ON VIEW analytics.idea_product_types IS 'One row per idea and planned product type.';
COMMENT ON COLUMN analytics.idea_product_types.idea_id IS 'analytics.ideas.id';
COMMENT ON COLUMN analytics.idea_product_types.product_type IS 'tee, poster, mug or sticker';
COMMENT ON COLUMN analytics.idea_product_types.community IS 'subreddit of the idea''s signal';
COMMENT ON COLUMN analytics.idea_product_types.status IS 'the idea''s status';
COMMENT ON COLUMN analytics.idea_product_types.created_at IS 'when the idea was written (UTC)';

CREATE VIEW analytics.designs AS
SELECT d.id, d."ideaId" AS idea_id, s.community, d.provider, d.status::text AS status, d.quality, d.attempts,
       d."startedAt" AS started_at, d."finishedAt" AS finished_at,
       extract(epoch FROM (d."finishedAt" - d."startedAt"))::numeric(12, 1) AS duration_seconds, d."createdAt" AS created_at
FROM public.designs d
JOIN public.ideas i ON i.id = d."ideaId"
JOIN public.signals s ON s.id = i."signalId";
COMMENT ON VIEW analytics.designs IS 'Design runs (print files, mockups, listing copy), one row per design.';
COMMENT ON COLUMN analytics.designs.id IS 'design id';
COMMENT ON COLUMN analytics.designs.idea_id IS 'analytics.ideas.id';
COMMENT ON COLUMN analytics.designs.community IS 'subreddit of the idea';
COMMENT ON COLUMN analytics.designs.provider IS 'image provider used';
COMMENT ON COLUMN analytics.designs.status IS 'QUEUED, RUNNING, DONE or FAILED';
COMMENT ON COLUMN analytics.designs.quality IS 'standard, high or ultra';
COMMENT ON COLUMN analytics.designs.attempts IS 'attempts so far';
COMMENT ON COLUMN analytics.designs.started_at IS 'when work started (UTC)';
COMMENT ON COLUMN analytics.designs.finished_at IS 'when work finished (UTC)';
COMMENT ON COLUMN analytics.designs.duration_seconds IS 'finished_at - started_at in seconds';
COMMENT ON COLUMN analytics.designs.created_at IS 'when it was queued (UTC)';

CREATE VIEW analytics.listings AS
SELECT l.id, l."designId" AS design_id, d."ideaId" AS idea_id, s.community, l.title, l."priceCents" AS price_cents, l.currency, l."createdAt" AS created_at
FROM public.listings l
JOIN public.designs d ON d.id = l."designId"
JOIN public.ideas i ON i.id = d."ideaId"
JOIN public.signals s ON s.id = i."signalId";
COMMENT ON VIEW analytics.listings IS 'Listings written for finished designs, one row per listing.';
COMMENT ON COLUMN analytics.listings.id IS 'listing id';
COMMENT ON COLUMN analytics.listings.design_id IS 'analytics.designs.id';
COMMENT ON COLUMN analytics.listings.idea_id IS 'analytics.ideas.id';
COMMENT ON COLUMN analytics.listings.community IS 'subreddit of the idea';
COMMENT ON COLUMN analytics.listings.title IS 'listing title';
COMMENT ON COLUMN analytics.listings.price_cents IS 'price in cents';
COMMENT ON COLUMN analytics.listings.currency IS 'ISO currency, lower-case';
COMMENT ON COLUMN analytics.listings.created_at IS 'when it was written (UTC)';

CREATE VIEW analytics.publications AS
SELECT p.id, p."listingId" AS listing_id, s.community, p.marketplace::text AS marketplace, p.status::text AS status, p.attempts,
       l."priceCents" AS price_cents, p."publishedAt" AS published_at, p."createdAt" AS created_at
FROM public.publications p
JOIN public.listings l ON l.id = p."listingId"
JOIN public.designs d ON d.id = l."designId"
JOIN public.ideas i ON i.id = d."ideaId"
JOIN public.signals s ON s.id = i."signalId";
COMMENT ON VIEW analytics.publications IS 'A listing published (or being published) to one marketplace, one row each.';
COMMENT ON COLUMN analytics.publications.id IS 'publication id';
COMMENT ON COLUMN analytics.publications.listing_id IS 'analytics.listings.id';
COMMENT ON COLUMN analytics.publications.community IS 'subreddit of the idea';
COMMENT ON COLUMN analytics.publications.marketplace IS 'LOCAL (storefront), ZAZZLE or PRINTFUL';
COMMENT ON COLUMN analytics.publications.status IS 'QUEUED, RUNNING, PUBLISHED or FAILED';
COMMENT ON COLUMN analytics.publications.attempts IS 'attempts so far';
COMMENT ON COLUMN analytics.publications.price_cents IS 'listing price in cents';
COMMENT ON COLUMN analytics.publications.published_at IS 'when it went live (UTC), null until then';
COMMENT ON COLUMN analytics.publications.created_at IS 'when it was queued (UTC)';

CREATE VIEW analytics.products AS
SELECT p.id, p."listingId" AS listing_id, p.title, p.community, p."priceCents" AS price_cents, p.currency, p."publishedAt" AS published_at
FROM public.products p;
COMMENT ON VIEW analytics.products IS 'Products on the storefront, one row per published listing.';
COMMENT ON COLUMN analytics.products.id IS 'product id';
COMMENT ON COLUMN analytics.products.listing_id IS 'analytics.listings.id';
COMMENT ON COLUMN analytics.products.title IS 'product title';
COMMENT ON COLUMN analytics.products.community IS 'subreddit it came from';
COMMENT ON COLUMN analytics.products.price_cents IS 'price in cents';
COMMENT ON COLUMN analytics.products.currency IS 'ISO currency, lower-case';
COMMENT ON COLUMN analytics.products.published_at IS 'when it appeared in the shop (UTC)';

CREATE VIEW analytics.commissions AS
SELECT c.id, t.slug AS tier, c.type::text AS type, coalesce(c.subreddit, s.community) AS community,
       c.status::text AS status, c."amountCents" AS amount_cents, c.currency, c.anonymous, c.stage, c."failureReason" AS failure_reason,
       c."productId" AS product_id, c."paidAt" AS paid_at, c."completedAt" AS completed_at, c."refundedAt" AS refunded_at, c."createdAt" AS created_at
FROM public.commissions c
JOIN public.commission_tiers t ON t.id = c."tierId"
LEFT JOIN public.signals s ON s.id = c."signalId";
COMMENT ON VIEW analytics.commissions IS 'Commissions ordered by shoppers, one row each (no shopper email, name or message).';
COMMENT ON COLUMN analytics.commissions.id IS 'commission id';
COMMENT ON COLUMN analytics.commissions.tier IS 'tier slug: bronze, silver, gold, platinum, diamond (or custom)';
COMMENT ON COLUMN analytics.commissions.type IS 'POST, SUBREDDIT or SURPRISE';
COMMENT ON COLUMN analytics.commissions.community IS 'subreddit asked for (or of the post)';
COMMENT ON COLUMN analytics.commissions.status IS 'AWAITING_PAYMENT, PAID, IN_PROGRESS, NEEDS_REVIEW, COMPLETED, REFUND_PENDING, REFUNDED, EXPIRED or PAYMENT_FAILED';
COMMENT ON COLUMN analytics.commissions.amount_cents IS 'price paid (or due) in cents';
COMMENT ON COLUMN analytics.commissions.currency IS 'ISO currency, lower-case';
COMMENT ON COLUMN analytics.commissions.anonymous IS 'shopper asked to stay anonymous';
COMMENT ON COLUMN analytics.commissions.stage IS 'current fulfilment stage';
COMMENT ON COLUMN analytics.commissions.failure_reason IS 'why it failed, if it did';
COMMENT ON COLUMN analytics.commissions.product_id IS 'analytics.products.id once made';
COMMENT ON COLUMN analytics.commissions.paid_at IS 'when payment succeeded (UTC)';
COMMENT ON COLUMN analytics.commissions.completed_at IS 'when it was completed (UTC)';
COMMENT ON COLUMN analytics.commissions.refunded_at IS 'when it was refunded (UTC)';
COMMENT ON COLUMN analytics.commissions.created_at IS 'when it was ordered (UTC)';

CREATE VIEW analytics.payments AS
SELECT p.id, p.provider, CASE WHEN p."donationId" IS NOT NULL THEN 'donation' ELSE 'commission' END AS kind,
       p."commissionId" AS commission_id, p."donationId" AS donation_id, t.slug AS tier, coalesce(c.subreddit, s.community, dn.subreddit) AS community,
       p.status::text AS status, p."amountCents" AS amount_cents, p."refundedCents" AS refunded_cents,
       CASE WHEN p."paidAt" IS NULL THEN 0 ELSE p."amountCents" - p."refundedCents" END AS net_cents,
       p.currency, p."paidAt" AS paid_at, p."createdAt" AS created_at
FROM public.payments p
LEFT JOIN public.commissions c ON c.id = p."commissionId"
LEFT JOIN public.commission_tiers t ON t.id = c."tierId"
LEFT JOIN public.signals s ON s.id = c."signalId"
LEFT JOIN public.donations dn ON dn.id = p."donationId";
COMMENT ON VIEW analytics.payments IS 'Checkout payments for commissions and donations, one row each. Revenue = sum(net_cents) of rows with paid_at set.';
COMMENT ON COLUMN analytics.payments.id IS 'payment id';
COMMENT ON COLUMN analytics.payments.provider IS 'stripe or local';
COMMENT ON COLUMN analytics.payments.kind IS 'commission or donation';
COMMENT ON COLUMN analytics.payments.commission_id IS 'analytics.commissions.id (kind = commission)';
COMMENT ON COLUMN analytics.payments.donation_id IS 'analytics.donations.id (kind = donation)';
COMMENT ON COLUMN analytics.payments.tier IS 'commission tier slug, null for donations';
COMMENT ON COLUMN analytics.payments.community IS 'subreddit of the commission or donation';
COMMENT ON COLUMN analytics.payments.status IS 'PENDING, SUCCEEDED, FAILED, EXPIRED, REFUNDED or PARTIALLY_REFUNDED';
COMMENT ON COLUMN analytics.payments.amount_cents IS 'amount charged in cents';
COMMENT ON COLUMN analytics.payments.refunded_cents IS 'amount refunded so far in cents';
COMMENT ON COLUMN analytics.payments.net_cents IS 'kept after refunds in cents (0 when never paid)';
COMMENT ON COLUMN analytics.payments.currency IS 'ISO currency, lower-case';
COMMENT ON COLUMN analytics.payments.paid_at IS 'when the payment succeeded (UTC), null if it never did';
COMMENT ON COLUMN analytics.payments.created_at IS 'when checkout started (UTC)';

CREATE VIEW analytics.refunds AS
SELECT r.id, r."paymentId" AS payment_id, r."commissionId" AS commission_id, t.slug AS tier, coalesce(c.subreddit, s.community) AS community,
       r."amountCents" AS amount_cents, r.currency, r.reason, r.status::text AS status, r.attempts, r."createdAt" AS created_at, r."updatedAt" AS updated_at
FROM public.refunds r
LEFT JOIN public.commissions c ON c.id = r."commissionId"
LEFT JOIN public.commission_tiers t ON t.id = c."tierId"
LEFT JOIN public.signals s ON s.id = c."signalId";
COMMENT ON VIEW analytics.refunds IS 'Refunds issued to shoppers, one row per refund.';
COMMENT ON COLUMN analytics.refunds.id IS 'refund id';
COMMENT ON COLUMN analytics.refunds.payment_id IS 'analytics.payments.id';
COMMENT ON COLUMN analytics.refunds.commission_id IS 'analytics.commissions.id';
COMMENT ON COLUMN analytics.refunds.tier IS 'commission tier slug';
COMMENT ON COLUMN analytics.refunds.community IS 'subreddit of the commission';
COMMENT ON COLUMN analytics.refunds.amount_cents IS 'refunded amount in cents';
COMMENT ON COLUMN analytics.refunds.currency IS 'ISO currency, lower-case';
COMMENT ON COLUMN analytics.refunds.reason IS 'why it was refunded';
COMMENT ON COLUMN analytics.refunds.status IS 'PENDING, SUCCEEDED or FAILED';
COMMENT ON COLUMN analytics.refunds.attempts IS 'attempts so far';
COMMENT ON COLUMN analytics.refunds.created_at IS 'when the refund was started (UTC)';
COMMENT ON COLUMN analytics.refunds.updated_at IS 'last change (UTC)';

CREATE VIEW analytics.donations AS
SELECT d.id, d.subreddit AS community, d."productId" AS product_id, d."goalId" AS goal_id, d."amountCents" AS amount_cents, d.currency,
       d.status::text AS status, d.anonymous, d."createdAt" AS created_at
FROM public.donations d;
COMMENT ON VIEW analytics.donations IS 'Donations to communities and fundraising goals, one row each (no donor name or message).';
COMMENT ON COLUMN analytics.donations.id IS 'donation id';
COMMENT ON COLUMN analytics.donations.community IS 'subreddit donated to';
COMMENT ON COLUMN analytics.donations.product_id IS 'analytics.products.id when given on a product page';
COMMENT ON COLUMN analytics.donations.goal_id IS 'analytics.fundraising_goals.id';
COMMENT ON COLUMN analytics.donations.amount_cents IS 'amount in cents';
COMMENT ON COLUMN analytics.donations.currency IS 'ISO currency, lower-case';
COMMENT ON COLUMN analytics.donations.status IS 'PENDING, PAID, REFUNDED or FAILED';
COMMENT ON COLUMN analytics.donations.anonymous IS 'donor asked to stay anonymous';
COMMENT ON COLUMN analytics.donations.created_at IS 'when it was made (UTC)';

CREATE VIEW analytics.fundraising_goals AS
SELECT g.id, g.subreddit AS community, g.title, g."targetCents" AS target_cents, g.currency, g.active, g."endsAt" AS ends_at, g."createdAt" AS created_at
FROM public.fundraising_goals g;
COMMENT ON VIEW analytics.fundraising_goals IS 'Per-subreddit fundraising goals.';
COMMENT ON COLUMN analytics.fundraising_goals.id IS 'goal id';
COMMENT ON COLUMN analytics.fundraising_goals.community IS 'subreddit';
COMMENT ON COLUMN analytics.fundraising_goals.title IS 'goal title';
COMMENT ON COLUMN analytics.fundraising_goals.target_cents IS 'target in cents';
COMMENT ON COLUMN analytics.fundraising_goals.currency IS 'ISO currency, lower-case';
COMMENT ON COLUMN analytics.fundraising_goals.active IS 'still collecting';
COMMENT ON COLUMN analytics.fundraising_goals.ends_at IS 'end date (UTC), if any';
COMMENT ON COLUMN analytics.fundraising_goals.created_at IS 'when it was set up (UTC)';

-- ───── the runner ─────

-- Runs one query with the caller s rights (it becomes the role s once owned by it, see install()).
-- Returns a header row (column names) then at most max_rows + 1 value rows, each a JSON array, so
-- column order and duplicate names survive.
CREATE FUNCTION ask_exec.run(query text, max_rows integer) RETURNS SETOF json
LANGUAGE plpgsql SECURITY DEFINER SET search_path = analytics, pg_catalog
AS $fn$
DECLARE
  r record;
  first boolean := true;
BEGIN
  FOR r IN EXECUTE format('SELECT row_to_json(q) AS j FROM (%s
) AS q LIMIT %s', query, max_rows + 1) LOOP
    IF first THEN
      RETURN NEXT (SELECT json_agg(e.key) FROM json_each(r.j) AS e);
      first := false;
    END IF;
    RETURN NEXT (SELECT json_agg(e.value) FROM json_each(r.j) AS e);
  END LOOP;
END
$fn$;
REVOKE ALL ON FUNCTION ask_exec.run(text, integer) FROM PUBLIC;

-- Creates (when allowed) and wires the role. Idempotent; safe to run again after a DBA created the
-- role by hand. Returns what it did.
CREATE FUNCTION ask_exec.install() RETURNS text
LANGUAGE plpgsql SET search_path = pg_catalog
AS $fn$
DECLARE
  me record;
BEGIN
  SELECT rolsuper, rolcreaterole INTO me FROM pg_roles WHERE rolname = current_user;
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'merchloop_ask') THEN
    IF NOT (me.rolsuper OR me.rolcreaterole) THEN
      RAISE WARNING 'Ask: role merchloop_ask is missing and % may not create roles. As a superuser run: CREATE ROLE merchloop_ask NOLOGIN; GRANT merchloop_ask TO %; then as % run: SELECT ask_exec.install();', current_user, current_user, current_user;
      RETURN 'skipped: cannot create role merchloop_ask';
    END IF;
    BEGIN
      CREATE ROLE merchloop_ask NOLOGIN;
    EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; -- created concurrently (roles are cluster-wide)
    END;
  END IF;
  IF NOT me.rolsuper AND NOT pg_has_role(current_user, 'merchloop_ask', 'MEMBER') THEN
    BEGIN
      EXECUTE format('GRANT merchloop_ask TO %I', current_user);
    EXCEPTION WHEN insufficient_privilege THEN
      RAISE WARNING 'Ask: % is not a member of merchloop_ask. As a superuser run: GRANT merchloop_ask TO %; then SELECT ask_exec.install();', current_user, current_user;
      RETURN 'skipped: not a member of merchloop_ask';
    END;
  END IF;
  EXECUTE 'GRANT USAGE ON SCHEMA analytics TO merchloop_ask';
  EXECUTE 'GRANT SELECT ON ALL TABLES IN SCHEMA analytics TO merchloop_ask';
  EXECUTE 'ALTER DEFAULT PRIVILEGES IN SCHEMA analytics GRANT SELECT ON TABLES TO merchloop_ask';
  EXECUTE 'GRANT USAGE, CREATE ON SCHEMA ask_exec TO merchloop_ask';
  EXECUTE 'ALTER FUNCTION ask_exec.run(text, integer) OWNER TO merchloop_ask';
  EXECUTE 'REVOKE CREATE ON SCHEMA ask_exec FROM merchloop_ask';
  EXECUTE 'REVOKE ALL ON FUNCTION ask_exec.run(text, integer) FROM PUBLIC';
  EXECUTE format('GRANT EXECUTE ON FUNCTION ask_exec.run(text, integer) TO %I', current_user);
  RETURN 'installed';
END
$fn$;
REVOKE ALL ON FUNCTION ask_exec.install() FROM PUBLIC;

SELECT ask_exec.install();
