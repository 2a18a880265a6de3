/** The queues `npm start` creates on the embedded emulator (CLIs find them by these names). */
export const embeddedQueueNames = { main: "selah-events", deadLetter: "selah-events-dlq" } as const;
