#include "pipeline/sign/appearance.hpp"

#include <algorithm>
#include <memory>

#include <fontconfig/fontconfig.h>

namespace vanban::sign {
namespace {

using namespace PoDoFo;

constexpr double kTextSize = 10;  // pt: NĐ 30 prescribes size 10 for the signature's details

/// The scale that fits `w` × `h` into `box_w` × `box_h`, keeping the proportions.
double fit(double w, double h, double box_w, double box_h) {
  if (w <= 0 || h <= 0) return 1;
  return std::min(box_w / w, box_h / h);
}

/// The file fontconfig gives for `family` (as fc-match does: Times New Roman, else its
/// configured substitute, e.g. Liberation Serif). PoDoFo's own lookup does not apply the
/// substitutions and picked an unrelated face.
std::string font_file(const char* family) {
  std::unique_ptr<FcPattern, decltype(&FcPatternDestroy)> pattern(
      FcNameParse(reinterpret_cast<const FcChar8*>(family)), &FcPatternDestroy);
  if (!pattern) return {};
  FcConfigSubstitute(nullptr, pattern.get(), FcMatchPattern);
  FcDefaultSubstitute(pattern.get());
  FcResult result = FcResultNoMatch;
  std::unique_ptr<FcPattern, decltype(&FcPatternDestroy)> match(FcFontMatch(nullptr, pattern.get(), &result),
                                                                &FcPatternDestroy);
  FcChar8* file = nullptr;
  if (!match || FcPatternGetString(match.get(), FC_FILE, 0, &file) != FcResultMatch) return {};
  return reinterpret_cast<const char*>(file);
}

}  // namespace

void draw_appearance(PdfMemDocument& doc, PdfXObject& appearance, double width, double height, const AppearanceSpec& spec) {
  PdfPainter painter;
  painter.SetPage(&appearance);
  // The text goes beside the seal when there is one (the field is as tall as the seal),
  // else below the image.
  const double lines_height = static_cast<double>(spec.lines.size()) * kTextSize * 1.2;
  const double text_height = spec.seal.empty() ? lines_height : 0;
  const double art_height = std::max(0.0, height - text_height);  // the images above the text
  double text_left = 0, text_top = text_height;
  double image_left = 0, image_width = width;
  if (spec.image.empty() && spec.covered) {
    image_left = spec.covered->left;
    image_width = spec.covered->width;
  }
  if (!spec.image.empty()) {
    PdfImage image(&doc);
    image.LoadFromPng(spec.image.c_str());
    const double s = fit(image.GetWidth(), image.GetHeight(), width, art_height);
    image_width = image.GetWidth() * s;
    image_left = (width - image_width) / 2;
    painter.DrawImage(image_left, text_height + (art_height - image.GetHeight() * s) / 2, &image, s, s);
  }
  if (!spec.seal.empty()) {
    PdfImage seal(&doc);
    seal.LoadFromPng(spec.seal.c_str());
    // At its real size, unless the field is smaller (then as large as fits, not clipped).
    const double room = std::min(width, art_height);
    const double d = spec.seal_diameter > 0 ? std::min(spec.seal_diameter, room) : room;
    const double s = fit(seal.GetWidth(), seal.GetHeight(), d, d);
    // The seal's right edge at a third of the signature image: it covers the left third.
    const double x = std::max(0.0, image_left + image_width / 3 - d);
    painter.DrawImage(x, text_height + (art_height - d) / 2, &seal, s, s);
    text_left = x + d + 4;
    text_top = (height + lines_height) / 2;
  }
  if (!spec.lines.empty()) {
    const std::string file = font_file("Times New Roman");
    PdfFont* font = doc.CreateFontSubset("Times New Roman", false, false, false,
                                         PdfEncodingFactory::GlobalIdentityEncodingInstance(),
                                         file.empty() ? nullptr : file.c_str());
    font->SetFontSize(static_cast<float>(kTextSize));
    painter.SetFont(font);
    painter.SetColor(0, 0, 0);
    // Beside the seal, but inside the field: a viewer clips the appearance to it. A long
    // name beside a seal pushed right (over a narrow signature) overlaps the seal instead.
    double widest = 0;
    for (const std::string& line : spec.lines)
      widest = std::max(widest, font->GetFontMetrics()->StringWidth(PdfString(reinterpret_cast<const pdf_utf8*>(line.c_str()))));
    text_left = std::max(0.0, std::min(text_left, width - widest));
    double y = text_top - kTextSize;
    for (const std::string& line : spec.lines) {
      const PdfString text(reinterpret_cast<const pdf_utf8*>(line.c_str()));
      const double x = spec.right_aligned ? std::max(0.0, width - font->GetFontMetrics()->StringWidth(text)) : text_left;
      painter.DrawText(x, y + 2, text);
      y -= kTextSize * 1.2;
    }
  }
  painter.FinishPage();
}

}  // namespace vanban::sign
