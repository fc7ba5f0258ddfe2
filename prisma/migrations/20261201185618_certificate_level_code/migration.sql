-- Each certificate level gets its own 证书编号 (004: 60000001 初级, 60000002 中级, 60000003 高级), the certificate
-- keeps a 7-digit 证书代码 that the level codes extend, and subject codes extend their level's code (60000001104).
-- Existing 8-digit certificate codes drop their second digit (60000001 → 6000001), or, where that would clash,
-- are renumbered 9xxxxxx; subjects keep their last three digits.
CREATE TEMP TABLE "_certificate_code" AS
  WITH c AS (
    SELECT id, code, left(code, 1) || right(code, 6) AS short,
           row_number() OVER (PARTITION BY left(code, 1) || right(code, 6) ORDER BY code) AS n
    FROM "Certificate"
  )
  SELECT id, CASE WHEN length(code) = 7 THEN code
                  WHEN n = 1 THEN short
                  ELSE '9' || lpad((row_number() OVER (ORDER BY code))::text, 6, '0') END AS code
  FROM c;

UPDATE "Certificate" SET code = 'migrating-' || id;
UPDATE "Certificate" c SET code = m.code FROM "_certificate_code" m WHERE m.id = c.id;
CREATE TEMP TABLE "_subject_code" AS SELECT id, code FROM "ExamSubject";

ALTER TABLE "CertificateLevel" ADD COLUMN "code" TEXT;
UPDATE "CertificateLevel" l
   SET code = c.code || CASE l.level WHEN 'JUNIOR' THEN '1' WHEN 'INTERMEDIATE' THEN '2' ELSE '3' END
  FROM "Certificate" c WHERE c.id = l."certificateId";
ALTER TABLE "CertificateLevel" ALTER COLUMN "code" SET NOT NULL;

-- Two passes: a new code may equal another subject's old one (60000011101) while the unique index is checked per row.
UPDATE "ExamSubject" SET code = 'migrating-' || id;
UPDATE "ExamSubject" s SET code = l.code || right(m.old, 3)
  FROM "CertificateLevel" l, (SELECT id, code AS old FROM "_subject_code") m
 WHERE l.id = s."certificateLevelId" AND m.id = s.id;

DROP TABLE "_certificate_code";
DROP TABLE "_subject_code";

-- CreateIndex
CREATE UNIQUE INDEX "CertificateLevel_code_key" ON "CertificateLevel"("code");
