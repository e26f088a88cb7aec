-- CreateIndex
CREATE INDEX "user_action_application_id_session_id_name_session_start_ti_idx" ON "user_action"("application_id", "session_id", "name", "session_start_time");
