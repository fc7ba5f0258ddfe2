-- CreateIndex
CREATE INDEX "Registration_idNumber_name_idx" ON "Registration"("idNumber", "name");

