/* mk-test-http.h — a SoupServer on 127.0.0.1 for the tests that fetch
 *
 * Either in the caller's main context (the test turns it while it waits)
 * or in a thread of its own, for tests that block on a child process that
 * talks to it (mekong-cli add-feed, fetch). Test code only: every failure
 * is an assertion.
 *
 * Copyright 2026 The Mekong developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <libsoup/soup.h>

G_BEGIN_DECLS

typedef struct _MkTestHttp MkTestHttp;

MkTestHttp   *mk_test_http_new           (SoupServerCallback  callback,
                                          gpointer            user_data);
MkTestHttp   *mk_test_http_new_in_thread (SoupServerCallback  callback,
                                          gpointer            user_data);
int           mk_test_http_get_port      (MkTestHttp         *self);
GUri         *mk_test_http_get_base      (MkTestHttp         *self);
char         *mk_test_http_url           (MkTestHttp         *self,
                                          const char         *host,
                                          const char         *path);
GMainContext *mk_test_http_get_context   (MkTestHttp         *self);
void          mk_test_http_free          (MkTestHttp         *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MkTestHttp, mk_test_http_free)

G_END_DECLS
