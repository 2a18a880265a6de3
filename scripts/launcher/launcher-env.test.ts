import { expect, test } from "vitest";
import { withoutNpmVariables } from "./launcher-env";

test("the services' environment keeps everything but npm's own variables", () => {
  const env = {
    PATH: "/usr/bin",
    DATABASE_URL: "postgres://db/selah",
    npm_config_cache: "/root/.npm",
    npm_package_name: "selah",
    NPM_TOKEN_LIKE: "kept: only npm's lower-case prefix is npm's",
  };
  expect(withoutNpmVariables(env)).toEqual({
    PATH: "/usr/bin",
    DATABASE_URL: "postgres://db/selah",
    NPM_TOKEN_LIKE: "kept: only npm's lower-case prefix is npm's",
  });
});
