#pragma once
// icq — inference comparison queries. Include this one header to embed the interpreter.
#include "icq/diagnostic.hpp"
#include "icq/render.hpp"
#include "icq/result.hpp"
#include "icq/session.hpp"
#include "icq/version.hpp"
