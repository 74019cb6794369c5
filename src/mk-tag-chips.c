/* mk-tag-chips.c — an article's tags as chips, and an entry to add one
 *
 * Copyright 2026 The Mekong developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "mk-tag-chips.h"

/* The chips are a GtkFlowBox bound to a GtkStringList of the tags. Each
 * chip opens a menu (show the tag's articles, rename or delete the tag
 * everywhere: win.filter-tag, win.rename-tag, win.delete-tag) and has a
 * button that takes the tag off this article ("remove-tag"). The entry
 * completes from the archive's tags and asks for a tag with "add-tag".
 * GtkEntryCompletion is deprecated from GTK 4.10, but it is GTK 4.8's way
 * to complete an entry, and the floor we build on is 4.8. */

struct _MkTagChips
{
  AdwBin          parent_instance;

  /* Template children */
  GtkFlowBox     *flow_box;
  GtkEntry       *entry;

  GtkStringList  *tags;
  GtkListStore   *known_tags;
};

G_DEFINE_FINAL_TYPE (MkTagChips, mk_tag_chips, ADW_TYPE_BIN)

enum {
  ADD_TAG,
  REMOVE_TAG,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

MkTagChips *
mk_tag_chips_new (void)
{
  return g_object_new (MK_TYPE_TAG_CHIPS, NULL);
}

static void
on_remove_clicked_cb (GtkButton  *button,
                      MkTagChips *self)
{
  const char *tag = g_object_get_data (G_OBJECT (button), "mk-tag");

  g_signal_emit (self, signals[REMOVE_TAG], 0, tag);
}

static GMenuModel *
chip_menu (const char *tag)
{
  GMenu *menu = g_menu_new ();
  GMenuItem *item;

  item = g_menu_item_new (_("Show Articles With This Tag"), NULL);
  g_menu_item_set_action_and_target (item, "win.filter-tag", "s", tag);
  g_menu_append_item (menu, item);
  g_object_unref (item);
  item = g_menu_item_new (_("Rename Tag Everywhere…"), NULL);
  g_menu_item_set_action_and_target (item, "win.rename-tag", "s", tag);
  g_menu_append_item (menu, item);
  g_object_unref (item);
  item = g_menu_item_new (_("Delete Tag Everywhere"), NULL);
  g_menu_item_set_action_and_target (item, "win.delete-tag", "s", tag);
  g_menu_append_item (menu, item);
  g_object_unref (item);

  return G_MENU_MODEL (menu);
}

static GtkWidget *
create_chip (gpointer item,
             gpointer user_data)
{
  MkTagChips *self = user_data;
  const char *tag = gtk_string_object_get_string (item);
  g_autoptr(GMenuModel) menu = chip_menu (tag);
  g_autofree char *remove_label = g_strdup_printf (_("Remove Tag “%s”"), tag);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *name = gtk_menu_button_new ();
  GtkWidget *remove = gtk_button_new_from_icon_name ("window-close-symbolic");

  /* The label is the tag, as plain text. */
  gtk_menu_button_set_label (GTK_MENU_BUTTON (name), tag);
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (name), menu);
  gtk_menu_button_set_always_show_arrow (GTK_MENU_BUTTON (name), FALSE);
  gtk_widget_add_css_class (name, "flat");
  gtk_widget_add_css_class (name, "tag-name");

  gtk_widget_set_tooltip_text (remove, remove_label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  remove_label, -1);
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_add_css_class (remove, "circular");
  g_object_set_data_full (G_OBJECT (remove), "mk-tag", g_strdup (tag), g_free);
  g_signal_connect_object (remove, "clicked", G_CALLBACK (on_remove_clicked_cb), self, 0);

  gtk_box_append (GTK_BOX (box), name);
  gtk_box_append (GTK_BOX (box), remove);
  gtk_widget_add_css_class (box, "tag-chip");
  return box;
}

static void
on_entry_activate_cb (GtkEntry   *entry,
                      MkTagChips *self)
{
  g_autofree char *tag = g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry)));

  g_strstrip (tag);
  if (*tag == '\0')
    return;

  gtk_editable_set_text (GTK_EDITABLE (entry), "");
  g_signal_emit (self, signals[ADD_TAG], 0, tag);
}

/**
 * mk_tag_chips_set_tags:
 * @tags: (nullable): the article's tags
 */
void
mk_tag_chips_set_tags (MkTagChips         *self,
                       const char * const *tags)
{
  g_return_if_fail (MK_IS_TAG_CHIPS (self));

  gtk_string_list_splice (self->tags, 0, g_list_model_get_n_items (G_LIST_MODEL (self->tags)),
                          tags);
}

/**
 * mk_tag_chips_get_tags:
 *
 * Returns: (transfer none): the tags shown, as #GtkStringObject
 */
GListModel *
mk_tag_chips_get_tags (MkTagChips *self)
{
  g_return_val_if_fail (MK_IS_TAG_CHIPS (self), NULL);

  return G_LIST_MODEL (self->tags);
}

/**
 * mk_tag_chips_set_known_tags:
 * @tags: (nullable): the archive's tags, to complete from
 */
void
mk_tag_chips_set_known_tags (MkTagChips         *self,
                             const char * const *tags)
{
  g_return_if_fail (MK_IS_TAG_CHIPS (self));

  gtk_list_store_clear (self->known_tags);
  for (guint i = 0; tags != NULL && tags[i] != NULL; i++)
    gtk_list_store_insert_with_values (self->known_tags, NULL, -1, 0, tags[i], -1);
}

GtkEditable *
mk_tag_chips_get_entry (MkTagChips *self)
{
  g_return_val_if_fail (MK_IS_TAG_CHIPS (self), NULL);

  return GTK_EDITABLE (self->entry);
}

static void
mk_tag_chips_finalize (GObject *object)
{
  MkTagChips *self = MK_TAG_CHIPS (object);

  g_clear_object (&self->tags);
  g_clear_object (&self->known_tags);

  G_OBJECT_CLASS (mk_tag_chips_parent_class)->finalize (object);
}

static void
mk_tag_chips_class_init (MkTagChipsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = mk_tag_chips_finalize;

  /**
   * MkTagChips::add-tag:
   * @tag: the tag typed, trimmed
   */
  signals[ADD_TAG] =
    g_signal_new ("add-tag", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
  /**
   * MkTagChips::remove-tag:
   * @tag: the tag whose chip's remove button was clicked
   */
  signals[REMOVE_TAG] =
    g_signal_new ("remove-tag", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/mk-tag-chips.ui");
  gtk_widget_class_bind_template_child (widget_class, MkTagChips, flow_box);
  gtk_widget_class_bind_template_child (widget_class, MkTagChips, entry);
  gtk_widget_class_bind_template_callback (widget_class, on_entry_activate_cb);

  gtk_widget_class_set_css_name (widget_class, "tagchips");
}

G_GNUC_BEGIN_IGNORE_DEPRECATIONS
static void
mk_tag_chips_init (MkTagChips *self)
{
  g_autoptr(GtkEntryCompletion) completion = gtk_entry_completion_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  self->tags = gtk_string_list_new (NULL);
  gtk_flow_box_bind_model (self->flow_box, G_LIST_MODEL (self->tags), create_chip, self, NULL);

  self->known_tags = gtk_list_store_new (1, G_TYPE_STRING);
  gtk_entry_completion_set_model (completion, GTK_TREE_MODEL (self->known_tags));
  gtk_entry_completion_set_text_column (completion, 0);
  gtk_entry_completion_set_inline_completion (completion, TRUE);
  gtk_entry_completion_set_minimum_key_length (completion, 1);
  gtk_entry_set_completion (self->entry, completion);
}
G_GNUC_END_IGNORE_DEPRECATIONS
