import { registerEnumType } from 'type-graphql';

/** The union of an enum object's values, e.g. `type UserRole = EnumValue<typeof UserRole>`. */
export type EnumValue<TEnum> = TEnum[keyof TEnum];

/**
 * A GraphQL enum written once: its values, each with the description the SDL shows. The object it
 * returns maps every value to itself (`UserRole.ADMIN === 'ADMIN'`), serves as the TypeScript value,
 * as MikroORM's `@Enum({ items })` and as type-graphql's enum; its values' list is the description
 * map's keys, so a value cannot be declared and left undescribed (the schema-docs test asks for both).
 */
export function defineEnum<const TValue extends string>(
  name: string,
  description: string,
  values: Record<TValue, string>,
): { readonly [V in TValue]: V } {
  const keys = Object.keys(values) as TValue[];
  const valuesConfig = Object.fromEntries(keys.map((value) => [value, { description: values[value] }])) as Record<TValue, { description: string }>;
  const enumObject = Object.freeze(Object.fromEntries(keys.map((value) => [value, value])) as { [V in TValue]: V });
  registerEnumType(enumObject, { name, description, valuesConfig });
  return enumObject;
}
