export type { PublishState, SermonStatus } from "@/lib/platform/db/generated/prisma/enums";
