# icq_soname(OUT FILE PREFIX): the soname (PREFIX.so.N) of the shared library FILE, the name icq opens
# it by at run time instead of linking it (libedit, simdjson); a configure error when FILE's real
# name does not tell it.
function(icq_soname out file prefix)
  file(REAL_PATH "${file}" real)
  get_filename_component(name "${real}" NAME)
  string(REGEX MATCH "^${prefix}\\.so\\.[0-9]+" soname "${name}")
  if(NOT soname)
    message(FATAL_ERROR "cannot tell ${prefix}'s soname from ${real}")
  endif()
  set(${out} "${soname}" PARENT_SCOPE)
endfunction()
