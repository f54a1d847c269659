/** Types for scripts/build-widget.mjs (imported by tests/unit/widget-build.test.ts). */
export declare const WIDGET_SOURCE: string;
export declare const WIDGET_OUTPUT: string;
export declare function buildWidget(): Promise<string>;
