-- CreateEnum
CREATE TYPE "export_delivery_status" AS ENUM ('pending', 'delivered', 'dead');

-- CreateTable
CREATE TABLE "export_stream" (
    "id" TEXT NOT NULL,
    "application_id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "secret" TEXT NOT NULL,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "export_stream_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "export_delivery" (
    "id" TEXT NOT NULL DEFAULT (gen_random_uuid())::text,
    "stream_id" TEXT NOT NULL,
    "application_id" TEXT NOT NULL,
    "session_id" TEXT NOT NULL,
    "status" "export_delivery_status" NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "last_error" TEXT,
    "response_code" INTEGER,
    "is_dead_letter" BOOLEAN NOT NULL DEFAULT false,
    "enqueued_at" TIMESTAMPTZ(3),
    "last_attempt_at" TIMESTAMPTZ(3),
    "delivered_at" TIMESTAMPTZ(3),
    "dead_lettered_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "export_delivery_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "export_stream_application_id_idx" ON "export_stream"("application_id");

-- CreateIndex
CREATE INDEX "export_delivery_stream_id_created_at_idx" ON "export_delivery"("stream_id", "created_at");

-- CreateIndex
CREATE INDEX "export_delivery_status_enqueued_at_idx" ON "export_delivery"("status", "enqueued_at");

-- CreateIndex
CREATE UNIQUE INDEX "export_delivery_stream_id_application_id_session_id_key" ON "export_delivery"("stream_id", "application_id", "session_id");

-- AddForeignKey
ALTER TABLE "export_stream" ADD CONSTRAINT "export_stream_application_id_fkey" FOREIGN KEY ("application_id") REFERENCES "application"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "export_delivery" ADD CONSTRAINT "export_delivery_stream_id_fkey" FOREIGN KEY ("stream_id") REFERENCES "export_stream"("id") ON DELETE CASCADE ON UPDATE CASCADE;
