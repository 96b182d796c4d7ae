/**
 * JSON shapes of the admin API (records serialised by JSON-B). Exported because Yasson reads record
 * components through a public lookup, which only reaches exported packages; nothing here has behaviour.
 */
package dev.betweenrows.admin.json;
