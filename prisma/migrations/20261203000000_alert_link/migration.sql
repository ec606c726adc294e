-- Where in the dashboard to act on an alert (a failed design's page, say); null when nowhere in particular.
ALTER TABLE "alerts" ADD COLUMN "link" TEXT;
