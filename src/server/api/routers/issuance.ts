import { createTRPCRouter, permissionProcedure } from "@/server/api/trpc";
import { issuableFilter } from "@/server/issuance/issuable";
import { generateIssuances, issuablePreview } from "@/server/issuance/generate";
import { signIssuances, signSchema } from "@/server/issuance/sign";
import { refuseIssuances, refuseSchema } from "@/server/issuance/refuse";
import { issueCertificates, issueSchema } from "@/server/issuance/issue";
import { reissueCertificates, reissueSchema } from "@/server/issuance/reissue";
import { revokeCertificate, revokeSchema } from "@/server/issuance/revoke";
import { orgSeal, setOrgSeal, setSealSchema } from "@/server/issuance/seal";
import { issueRuns } from "@/server/issuance/runs";
import { detailSchema, issuanceDetail } from "@/server/issuance/detail";
import { requestCertificateZip, zipSchema } from "@/server/issuance/download-zip";

const org = permissionProcedure("org.issuance");
const both = permissionProcedure("org.issuance", "school.issuance");

export const issuanceRouter = createTRPCRouter({
  /** 获取待发证记录's counts before 确认生成: 可发证 and 不可发证 under the filter. */
  preview: org.input(issuableFilter).query(({ ctx, input }) => issuablePreview({ ctx, input })),
  /** 确认生成: pending records for the 可发证 passes (never twice). */
  generate: org.input(issuableFilter).mutation(({ ctx, input }) => generateIssuances({ ctx, input })),
  /** 签发 / 批量确认签发 (org or school side): a drawn signature and an SMS code. */
  sign: both.input(signSchema).mutation(({ ctx, input }) => signIssuances({ ctx, input })),
  /** 拒绝签发 with a reason. */
  refuse: both.input(refuseSchema).mutation(({ ctx, input }) => refuseIssuances({ ctx, input })),
  /** 发放 (paper or electronic, single or batch): numbers the records and queues their generation. */
  issue: org.input(issueSchema).mutation(({ ctx, input }) => issueCertificates({ ctx, input })),
  /** 重新发放 from 盖章失败 or 完成发放. */
  reissue: org.input(reissueSchema).mutation(({ ctx, input }) => reissueCertificates({ ctx, input })),
  /** 撤销证书 with a reason (a ledger leaf). */
  revoke: org.input(revokeSchema).mutation(({ ctx, input }) => revokeCertificate({ ctx, input })),
  /** The generation runs' progress. */
  runs: org.query(({ ctx }) => issueRuns({ ctx })),
  /** 电子公章. */
  seal: org.query(({ ctx }) => orgSeal({ ctx })),
  setSeal: org.input(setSealSchema).mutation(({ ctx, input }) => setOrgSeal({ ctx, input })),
  /** 批量下载: the ticked certificates' PDFs as one zip, built by the worker. */
  zip: both.input(zipSchema).mutation(({ ctx, input }) => requestCertificateZip({ ctx, input })),
  /** 查看: 学生信息, 证书信息, 考核信息, 签发记录. */
  detail: both.input(detailSchema).query(({ ctx, input }) => issuanceDetail({ ctx, input })),
});
