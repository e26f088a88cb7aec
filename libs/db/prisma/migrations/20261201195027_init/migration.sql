-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "property_scope" AS ENUM ('event', 'session', 'both');

-- CreateEnum
CREATE TYPE "property_data_type" AS ENUM ('string', 'long', 'double', 'boolean', 'date');

-- CreateEnum
CREATE TYPE "property_source" AS ENUM ('api', 'css_selector', 'js_variable', 'js_function', 'meta_tag', 'cookie', 'query_string', 'response_header', 'server_attribute');

-- CreateEnum
CREATE TYPE "session_aggregation" AS ENUM ('last', 'first', 'min', 'max', 'sum');

-- CreateEnum
CREATE TYPE "user_role" AS ENUM ('admin', 'editor', 'viewer');

-- CreateEnum
CREATE TYPE "ip_anonymisation" AS ENUM ('none', 'truncate', 'drop');

-- CreateTable
CREATE TABLE "application" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "ingest_key" TEXT NOT NULL,
    "allowed_origins" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "session_timeout_ms" INTEGER NOT NULL DEFAULT 1800000,
    "max_session_duration_ms" INTEGER NOT NULL DEFAULT 21600000,
    "honour_dnt" BOOLEAN NOT NULL DEFAULT true,
    "ip_anonymisation" "ip_anonymisation" NOT NULL DEFAULT 'truncate',
    "retention_days" INTEGER NOT NULL DEFAULT 35,
    "apdex_threshold_ms" INTEGER NOT NULL DEFAULT 3000,
    "max_properties" INTEGER NOT NULL DEFAULT 200,
    "max_event_properties" INTEGER NOT NULL DEFAULT 20,
    "free_tier_properties" INTEGER NOT NULL DEFAULT 20,
    "config_version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "application_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "property_definition" (
    "id" TEXT NOT NULL,
    "application_id" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "key_lower" TEXT NOT NULL,
    "display_name" TEXT,
    "scope" "property_scope" NOT NULL,
    "data_type" "property_data_type" NOT NULL,
    "source" "property_source" NOT NULL DEFAULT 'api',
    "expression" TEXT,
    "session_aggregation" "session_aggregation" NOT NULL DEFAULT 'last',
    "case_insensitive" BOOLEAN NOT NULL DEFAULT false,
    "max_length" INTEGER NOT NULL DEFAULT 1000,
    "cleanup_rule" TEXT,
    "honour_dnt" BOOLEAN NOT NULL DEFAULT true,
    "retired_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "property_definition_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "user" (
    "id" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "password_hash" TEXT NOT NULL,
    "role" "user_role" NOT NULL DEFAULT 'viewer',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "user_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "api_token" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "token_hash" TEXT NOT NULL,
    "token_prefix" TEXT NOT NULL,
    "scopes" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "application_ids" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_used_at" TIMESTAMPTZ(3),
    "revoked_at" TIMESTAMPTZ(3),

    CONSTRAINT "api_token_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "event" (
    "application_id" TEXT NOT NULL,
    "session_id" TEXT NOT NULL,
    "event_id" TEXT NOT NULL,
    "instance_id" TEXT NOT NULL,
    "seq" INTEGER NOT NULL,
    "type" TEXT NOT NULL,
    "ts" TIMESTAMPTZ(3) NOT NULL,
    "received_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "url" TEXT,
    "user_tag" TEXT,
    "data" JSONB NOT NULL DEFAULT '{}',
    "properties" JSONB NOT NULL DEFAULT '{}',
    "session_properties" JSONB NOT NULL DEFAULT '{}',
    "is_late" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "event_pkey" PRIMARY KEY ("application_id","session_id","event_id")
);

-- CreateTable
CREATE TABLE "live_session" (
    "application_id" TEXT NOT NULL,
    "session_id" TEXT NOT NULL,
    "instance_id" TEXT NOT NULL,
    "user_tag" TEXT,
    "first_ts" TIMESTAMPTZ(3) NOT NULL,
    "last_ts" TIMESTAMPTZ(3) NOT NULL,
    "event_count" INTEGER NOT NULL DEFAULT 0,
    "ua" TEXT,
    "ip" TEXT,
    "screen" TEXT,
    "window_size" TEXT,
    "country" TEXT,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "live_session_pkey" PRIMARY KEY ("application_id","session_id")
);

-- CreateTable
CREATE TABLE "drop_counter" (
    "application_id" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "count" BIGINT NOT NULL DEFAULT 0,
    "first_seen_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_seen_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "drop_counter_pkey" PRIMARY KEY ("application_id","key","reason")
);

-- CreateTable
CREATE TABLE "session" (
    "application_id" TEXT NOT NULL,
    "session_id" TEXT NOT NULL,
    "instance_id" TEXT NOT NULL,
    "user_tag" TEXT,
    "start_time" TIMESTAMPTZ(3) NOT NULL,
    "end_time" TIMESTAMPTZ(3) NOT NULL,
    "duration" BIGINT NOT NULL,
    "end_reason" TEXT NOT NULL,
    "navigation_count" INTEGER NOT NULL DEFAULT 0,
    "page_summary_count" INTEGER NOT NULL DEFAULT 0,
    "request_count" INTEGER NOT NULL DEFAULT 0,
    "user_interaction_count" INTEGER NOT NULL DEFAULT 0,
    "view_summary_count" INTEGER NOT NULL DEFAULT 0,
    "user_action_count" INTEGER NOT NULL DEFAULT 0,
    "error_count" INTEGER NOT NULL DEFAULT 0,
    "error_http_4xx_count" INTEGER NOT NULL DEFAULT 0,
    "error_http_5xx_count" INTEGER NOT NULL DEFAULT 0,
    "error_csp_violation_count" INTEGER NOT NULL DEFAULT 0,
    "error_js_count" INTEGER NOT NULL DEFAULT 0,
    "has_replay" BOOLEAN NOT NULL DEFAULT false,
    "is_invalid" BOOLEAN NOT NULL DEFAULT false,
    "user_type" TEXT,
    "browser_name" TEXT,
    "browser_version" TEXT,
    "browser_major_version" TEXT,
    "os_name" TEXT,
    "os_version" TEXT,
    "device_type" TEXT,
    "device_manufacturer" TEXT,
    "device_model" TEXT,
    "screen_width" INTEGER,
    "screen_height" INTEGER,
    "window_width" INTEGER,
    "window_height" INTEGER,
    "country" TEXT,
    "client_ip" TEXT,
    "client_isp" TEXT,
    "properties" JSONB NOT NULL DEFAULT '{}',
    "closed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "session_pkey" PRIMARY KEY ("application_id","session_id")
);

-- CreateTable
CREATE TABLE "user_action" (
    "application_id" TEXT NOT NULL,
    "session_id" TEXT NOT NULL,
    "event_id" TEXT NOT NULL,
    "session_start_time" TIMESTAMPTZ(3) NOT NULL,
    "name" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "target_url" TEXT,
    "domain" TEXT,
    "apdex_category" TEXT,
    "start_time" TIMESTAMPTZ(3) NOT NULL,
    "end_time" TIMESTAMPTZ(3),
    "duration" BIGINT,
    "request_count" INTEGER NOT NULL DEFAULT 0,
    "request_error_count" INTEGER NOT NULL DEFAULT 0,
    "javascript_error_count" INTEGER NOT NULL DEFAULT 0,
    "largest_contentful_paint" DOUBLE PRECISION,
    "cumulative_layout_shift" DOUBLE PRECISION,
    "interaction_to_next_paint" DOUBLE PRECISION,
    "time_to_first_byte" DOUBLE PRECISION,
    "dom_content_loaded_time" DOUBLE PRECISION,
    "load_event_end" DOUBLE PRECISION,
    "properties" JSONB NOT NULL DEFAULT '{}',

    CONSTRAINT "user_action_pkey" PRIMARY KEY ("application_id","session_id","event_id")
);

-- CreateTable
CREATE TABLE "user_event" (
    "application_id" TEXT NOT NULL,
    "session_id" TEXT NOT NULL,
    "event_id" TEXT NOT NULL,
    "session_start_time" TIMESTAMPTZ(3) NOT NULL,
    "name" TEXT,
    "type" TEXT NOT NULL,
    "page" TEXT,
    "page_referrer" TEXT,
    "start_time" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "user_event_pkey" PRIMARY KEY ("application_id","session_id","event_id")
);

-- CreateTable
CREATE TABLE "user_error" (
    "application_id" TEXT NOT NULL,
    "session_id" TEXT NOT NULL,
    "event_id" TEXT NOT NULL,
    "session_start_time" TIMESTAMPTZ(3) NOT NULL,
    "name" TEXT,
    "type" TEXT NOT NULL,
    "status" INTEGER,
    "page" TEXT,
    "start_time" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "user_error_pkey" PRIMARY KEY ("application_id","session_id","event_id")
);

-- CreateIndex
CREATE UNIQUE INDEX "application_ingest_key_key" ON "application"("ingest_key");

-- CreateIndex
CREATE UNIQUE INDEX "property_definition_application_id_key_lower_key" ON "property_definition"("application_id", "key_lower");

-- CreateIndex
CREATE UNIQUE INDEX "user_email_key" ON "user"("email");

-- CreateIndex
CREATE UNIQUE INDEX "api_token_token_hash_key" ON "api_token"("token_hash");

-- CreateIndex
CREATE INDEX "live_session_last_ts_idx" ON "live_session"("last_ts");

-- CreateIndex
CREATE INDEX "session_application_id_start_time_idx" ON "session"("application_id", "start_time");

-- CreateIndex
CREATE INDEX "user_action_application_id_session_start_time_idx" ON "user_action"("application_id", "session_start_time");

-- CreateIndex
CREATE INDEX "user_event_application_id_session_start_time_idx" ON "user_event"("application_id", "session_start_time");

-- CreateIndex
CREATE INDEX "user_error_application_id_session_start_time_idx" ON "user_error"("application_id", "session_start_time");

-- AddForeignKey
ALTER TABLE "property_definition" ADD CONSTRAINT "property_definition_application_id_fkey" FOREIGN KEY ("application_id") REFERENCES "application"("id") ON DELETE CASCADE ON UPDATE CASCADE;
