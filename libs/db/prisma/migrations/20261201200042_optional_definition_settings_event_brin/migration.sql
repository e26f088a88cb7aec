-- AlterTable
ALTER TABLE "property_definition" ALTER COLUMN "session_aggregation" DROP NOT NULL,
ALTER COLUMN "session_aggregation" DROP DEFAULT,
ALTER COLUMN "max_length" DROP NOT NULL,
ALTER COLUMN "max_length" DROP DEFAULT;

-- CreateIndex
CREATE INDEX "event_received_at_idx" ON "event" USING BRIN ("received_at");
