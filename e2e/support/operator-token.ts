/** The test run's ADMIN_API_TOKEN (playwright.config.ts gives it to the app). */
export const OPERATOR_TOKEN = "e2e-operator-token-0123456789abcdef";
