/** A CSS file imported as a string (Vite's `?inline`): the widgets' styles. */
declare module '*.css?inline' {
  const css: string;
  export default css;
}
