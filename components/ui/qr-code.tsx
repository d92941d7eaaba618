import QRCode from "qrcode";

/** A QR code of `text`, drawn as SVG on the server and shown as an image named by `label`. */
export async function QrCode({ text, label, size = 160 }: { text: string; label: string; size?: number }) {
  const svg = await QRCode.toString(text, { type: "svg", margin: 1, width: size });
  // biome-ignore lint/performance/noImgElement: a data address drawn here needs no image optimisation.
  return <img src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`} alt={label} width={size} height={size} className="bg-white" />;
}
