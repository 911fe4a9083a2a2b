#include "png.hpp"

#include <cairo.h>
#include <librsvg/rsvg.h>

#include <cmath>

namespace icq::png {

bool write_png(const std::string& svg, const std::string& path, std::string& error) {
  constexpr double kScale = 2;
  GError* err = nullptr;
  RsvgHandle* handle = rsvg_handle_new_from_data(reinterpret_cast<const guint8*>(svg.data()), svg.size(), &err);
  if (!handle) {
    error = err ? err->message : "librsvg could not read the SVG";
    if (err) g_error_free(err);
    return false;
  }
  gdouble w = 0, h = 0;
  if (!rsvg_handle_get_intrinsic_size_in_pixels(handle, &w, &h) || !(w > 0) || !(h > 0)) w = 960, h = 540;
  const int pw = static_cast<int>(std::ceil(w * kScale)), ph = static_cast<int>(std::ceil(h * kScale));
  cairo_surface_t* surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, pw, ph);
  cairo_t* cr = cairo_create(surface);
  const RsvgRectangle viewport{0, 0, static_cast<double>(pw), static_cast<double>(ph)};
  bool ok = rsvg_handle_render_document(handle, cr, &viewport, &err);
  if (!ok) error = err ? err->message : "librsvg could not draw the SVG";
  if (err) g_error_free(err);
  cairo_destroy(cr);
  if (ok) {
    const cairo_status_t st = cairo_surface_write_to_png(surface, path.c_str());
    ok = st == CAIRO_STATUS_SUCCESS;
    if (!ok) error = cairo_status_to_string(st);
  }
  cairo_surface_destroy(surface);
  g_object_unref(handle);
  return ok;
}

}  // namespace icq::png
