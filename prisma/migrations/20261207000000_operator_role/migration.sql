-- Installation operators (the /operator pages): a flag of the account, separate from church roles.
ALTER TABLE "User" ADD COLUMN "isOperator" BOOLEAN NOT NULL DEFAULT false;
