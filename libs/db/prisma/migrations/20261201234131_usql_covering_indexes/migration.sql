-- DropIndex
DROP INDEX "session_application_id_start_time_idx";

-- DropIndex
DROP INDEX "user_action_application_id_session_id_name_session_start_ti_idx";

-- DropIndex
DROP INDEX "user_action_application_id_session_start_time_idx";

-- CreateIndex
CREATE INDEX "session_application_id_start_time_is_invalid_session_id_idx" ON "session"("application_id", "start_time", "is_invalid", "session_id");

-- CreateIndex
CREATE INDEX "session_application_id_session_id_start_time_is_invalid_idx" ON "session"("application_id", "session_id", "start_time", "is_invalid");

-- CreateIndex
CREATE INDEX "user_action_application_id_session_start_time_session_id_na_idx" ON "user_action"("application_id", "session_start_time", "session_id", "name", "type", "duration");

-- CreateIndex
CREATE INDEX "user_action_application_id_name_session_start_time_session__idx" ON "user_action"("application_id", "name", "session_start_time", "session_id");
