// hls.js ships its light build without typings of its own: the same API, fewer features.
declare module "hls.js/light" {
  export * from "hls.js";
  export { default } from "hls.js";
}
