/// The closing row: "Nơi nhận:" and its list on the left, the signature block (with its
/// scanned image, if any) on the right.
#include <algorithm>
#include <exception>

#include "pipeline/layout/flow_builder.hpp"
#include "pipeline/layout/image.hpp"

namespace vanban::layout {

namespace {

/// The scanned signature or seal, scaled to the room left for it and centred in the
/// signature column between the title and the name (NĐ 30, ô 7c/8).
void signature_image(FlowBlock& g, const resolve::Signature& sig, Sp x, Sp width, Sp top) {
  ImageInfo info;
  try {
    info = probe_image(sig.image_path);
  } catch (const std::exception& e) {
    fail(sig.image_pos, "signature image " + sig.image + ": " + e.what(), "give a PNG or JPEG scan of the signature");
  }
  const Sp room = sig.space;
  Sp h = room * 9 / 10;
  Sp w = h * info.width / info.height;
  if (w > width) {
    w = width;
    h = w * info.height / info.width;
  }
  g.fixed_images.push_back({sig.image_path, x + (width - w) / 2, top + (room - h) / 2, w, h});
}

}  // namespace

void set_closing(FlowBuilder& fb, resolve::Closing& c) {
  FlowBlock g;
  g.kind = FlowBlock::Kind::Closing;
  g.keep_with_previous = true;
  g.space_before = c.space_before;
  g.anchor = "signature";
  const Sp left_w = c.left_width, right_x = c.left_width, right_w = fb.text_width() - c.left_width;

  Sp left = 0;
  for (auto& p : c.recipients) {
    const std::size_t first = g.fixed_runs.size();
    const SourcePos pos = p.pos;
    left = fb.column_text(g.fixed_runs, p, 0, left_w, left);
    fb.tag(g.fixed_runs, first, pos, pos, "recipients");
  }

  Sp right = 0;
  if (c.signature) {
    resolve::Signature& sig = *c.signature;
    const std::size_t first = g.fixed_runs.size();
    if (sig.authority) right = fb.column_text(g.fixed_runs, *sig.authority, right_x, right_w, right);
    if (sig.title) right = fb.column_text(g.fixed_runs, *sig.title, right_x, right_w, right);
    if (!sig.image.empty()) signature_image(g, sig, right_x, right_w, right);
    right += sig.space;
    if (sig.name) right = fb.column_text(g.fixed_runs, *sig.name, right_x, right_w, right);
    fb.tag(g.fixed_runs, first, sig.pos, sig.pos, "signature");
    g.pos = sig.pos;
  }
  g.fixed_height = std::max(left, right);
  g.anchor_x = right_x;
  g.anchor_width = right_w;
  fb.add_fixed(std::move(g));
}

}  // namespace vanban::layout
