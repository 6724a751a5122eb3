/// The closing row: "Nơi nhận:" and its list on the left, the signature block (with its
/// scanned image, if any) on the right.
#include <algorithm>
#include <exception>
#include <vector>

#include "pipeline/core/i18n.hpp"
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
    fail(sig.image_pos, tr("signature image {}: {}", sig.image, e.what()),
         tr("give a PNG or JPEG scan of the signature"));
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

/// A signature block (authority, title, room or image, name) in [x, x + width) from `top`;
/// returns the bottom.
Sp signature_column(FlowBuilder& fb, FlowBlock& g, resolve::Signature& sig, Sp x, Sp width, Sp top,
                      const char* space_anchor) {
  if (sig.authority) top = fb.column_text(g.fixed_runs, *sig.authority, x, width, top);
  if (sig.title) top = fb.column_text(g.fixed_runs, *sig.title, x, width, top);
  if (!sig.image.empty()) signature_image(g, sig, x, width, top);
  // The room between the title and the name: where a digital signature is drawn (NĐ 30,
  // Phụ lục I, part II), so the PDF writer can leave an empty signature field there.
  g.fixed_anchors.push_back({space_anchor, 0, x, top, width, sig.space});
  top += sig.space;
  if (sig.name) top = fb.column_text(g.fixed_runs, *sig.name, x, width, top);
  g.pos = sig.pos;
  return top;
}

}  // namespace

void set_closing(FlowBuilder& fb, resolve::Closing& c) {
  FlowBlock g;
  g.kind = FlowBlock::Kind::Closing;
  g.keep_with_previous = true;
  g.space_before = c.space_before;
  g.anchor = "signature";
  const Sp left_w = c.left_width, right_x = c.left_width, right_w = fb.text_width() - c.left_width;

  // Minutes: the secretary signs on the left (conventions §6), the recipients, if any, under it.
  Sp left = 0;
  if (c.left_signature) {
    const std::size_t first = g.fixed_runs.size();
    left = signature_column(fb, g, *c.left_signature, 0, left_w, left, "signature-space-left");
    fb.tag(g.fixed_runs, first, c.left_signature->pos, c.left_signature->pos, "secretary");
  }
  const Sp secretary_bottom = left;
  std::vector<Sp> item_tops;
  for (auto& p : c.recipients) {
    item_tops.push_back(left);
    const std::size_t first = g.fixed_runs.size();
    const SourcePos pos = p.pos;
    left = fb.column_text(g.fixed_runs, p, 0, left_w, left);
    fb.tag(g.fixed_runs, first, pos, pos, "recipients");
  }

  // Box 12 under the list, at the left (NĐ 30 Phụ lục I, mục III.3 and IV's diagram).
  if (c.drafter) {
    item_tops.push_back(left);
    const std::size_t first = g.fixed_runs.size();
    const SourcePos pos = c.drafter->pos;
    left = fb.column_text(g.fixed_runs, *c.drafter, 0, left_w, left);
    fb.tag(g.fixed_runs, first, pos, pos, "drafter");
  }

  Sp right = 0;
  if (c.signature) {
    const std::size_t first = g.fixed_runs.size();
    right = signature_column(fb, g, *c.signature, right_x, right_w, right, "signature-space");
    fb.tag(g.fixed_runs, first, c.signature->pos, c.signature->pos, "signature");
  }
  // The list goes on below the signature block; a long one continues at the top of the
  // next page, as a typed document does: the group may be cut before any recipient that
  // starts below both signatures, never inside one (its wrapped lines stay together).
  const Sp whole_above = std::max(right, secretary_bottom);
  for (Sp top : item_tops)
    if (top > 0 && top >= whole_above) g.cuts.push_back(top);
  g.fixed_height = std::max(left, right);
  g.anchor_x = right_x;
  g.anchor_width = right_w;
  fb.add_fixed(std::move(g));
}

}  // namespace vanban::layout
