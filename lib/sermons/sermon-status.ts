export type { PublishState, SermonStatus } from "@/lib/generated/prisma/enums";
