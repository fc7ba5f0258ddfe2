// 证书核验: the QR code on a certificate opens /verify/<证书编号>?s=<signature>. As with tickets, only a link the
// platform signed reads anything, so nobody walks the numbers.
import { keyedHash } from "@/server/crypto";
import { env } from "@/server/env";

export const certificateSignature = (certificateNumber: string) => keyedHash(`certificate:${certificateNumber}`).slice(0, 16);
export const verifyPath = (certificateNumber: string) => `/verify/${certificateNumber}?s=${certificateSignature(certificateNumber)}`;
export const verifyUrl = (certificateNumber: string) => `${env().PUBLIC_URL.replace(/\/$/, "")}${verifyPath(certificateNumber)}`;
