-- AlterTable
ALTER TABLE "Sermon" ADD COLUMN     "transcodePercent" INTEGER;
