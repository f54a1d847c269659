import QRCode from "qrcode";

/** Error-correction levels: L ≈ 7 %, M ≈ 15 %, Q ≈ 25 %, H ≈ 30 % of the code can be damaged. */
export const QR_EC_LEVELS = ["L", "M", "Q", "H"] as const;
export type QrEcLevel = (typeof QR_EC_LEVELS)[number];

export const QR_MIN_SIZE = 256;
export const QR_MAX_SIZE = 2048;
/** The white border scanners need, in modules: 4 is the minimum ISO/IEC 18004 asks for. */
export const QR_QUIET_ZONE = 4;

export type QrRenderOptions = {
  ec: QrEcLevel;
  /** Width and height in pixels (PNG) or the SVG's width/height attributes; omit for a fluid SVG. */
  size?: number;
};

const COLORS = { dark: "#000000ff", light: "#ffffffff" };

/** An SVG QR code of `text`: black on white, the quiet zone inside its viewBox. */
export function renderQrSvg(text: string, { ec, size }: QrRenderOptions): Promise<string> {
  return QRCode.toString(text, {
    type: "svg",
    errorCorrectionLevel: ec,
    margin: QR_QUIET_ZONE,
    color: COLORS,
    ...(size ? { width: size } : {}),
  });
}

/** A PNG QR code of `text`, `size` pixels square including the quiet zone. */
export function renderQrPng(text: string, { ec, size }: QrRenderOptions): Promise<Buffer> {
  return QRCode.toBuffer(text, {
    type: "png",
    errorCorrectionLevel: ec,
    margin: QR_QUIET_ZONE,
    color: COLORS,
    // qrcode floors (modules × (width / modules)), which float error can leave one pixel short.
    width: (size ?? QR_MIN_SIZE) + 0.5,
  });
}
