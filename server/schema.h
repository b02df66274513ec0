/* The schema as a list of migrations; migration i (from 0) brings the schema
 * to version i + 1.  Never edit a migration that has shipped: add one. */
#ifndef TTHCD_SCHEMA_H
#define TTHCD_SCHEMA_H

extern const char *const schema_migrations[];
extern const int schema_migration_count;

#endif
