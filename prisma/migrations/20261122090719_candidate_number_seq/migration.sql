-- CreateIndex
CREATE INDEX "Candidate_importId_idx" ON "Candidate"("importId");


-- 考生编号 suffixes: distinct within a second however many rows one import writes at once.
CREATE SEQUENCE IF NOT EXISTS candidate_number_seq;
