// Validates Kubernetes objects against the API's JSON schemas as the kubernetes-models package ships them, then
// rejects any field the API does not define: those schemas allow unknown fields, so a misspelt field would pass
// them and be dropped silently by the API server. The field lists come from the models of the official client
// (@kubernetes/client-node), generated from the same OpenAPI specification.
// Usage: node validate.mjs OBJECTS.json   (a JSON array of objects; KubernetesManifestsTest converts the YAML)
// Prints one line per object, "valid KIND/NAME" or "invalid KIND/NAME: reason", and exits 1 if any is invalid.
import { readFileSync } from "node:fs";

const MODELS = "@kubernetes/client-node/dist/gen/models";

async function model(typeName) {
  try {
    return (await import(`${MODELS}/${typeName}.js`))[typeName];
  } catch (error) {
    if (error.code === "ERR_MODULE_NOT_FOUND") return undefined;
    throw error;
  }
}

// The client's type names: "V1Container", "Array<V1EnvVar>", "{ [key: string]: string; }", "IntOrString", "string".
async function unknownFields(value, typeName, path) {
  if (value === null || value === undefined) return [];
  const array = /^Array<(.+)>$/.exec(typeName);
  if (array) {
    const found = [];
    for (const [index, element] of (Array.isArray(value) ? value : []).entries()) {
      found.push(...await unknownFields(element, array[1], `${path}[${index}]`));
    }
    return found;
  }
  const map = /^\{ \[key: string\]: (.+); \}$/.exec(typeName);
  if (map) {
    const found = [];
    for (const [key, element] of Object.entries(value)) {
      found.push(...await unknownFields(element, map[1], `${path}.${key}`));
    }
    return found;
  }
  const type = await model(typeName);
  if (type === undefined || typeof value !== "object") return [];
  const attributes = new Map(type.getAttributeTypeMap().map((attribute) => [attribute.baseName, attribute.type]));
  const found = [];
  for (const [field, element] of Object.entries(value)) {
    if (!attributes.has(field)) {
      found.push(`${path}.${field}`.replace(/^\./, ""));
    } else {
      found.push(...await unknownFields(element, attributes.get(field), `${path}.${field}`));
    }
  }
  return found;
}

// apps/v1 Deployment → V1Deployment; autoscaling/v2 HorizontalPodAutoscaler → V2HorizontalPodAutoscaler.
function clientTypeName(object) {
  const version = String(object.apiVersion).split("/").pop();
  return version.charAt(0).toUpperCase() + version.slice(1) + object.kind;
}

const objects = JSON.parse(readFileSync(process.argv[2], "utf8"));
let invalid = 0;
for (const object of objects) {
  const label = `${object.kind}/${object.metadata?.name}`;
  // apps/v1 → kubernetes-models/apps/v1/Deployment; the core group's v1 → kubernetes-models/v1/ConfigMap.
  const modulePath = `kubernetes-models/${object.apiVersion}/${object.kind}`;
  try {
    const schema = await import(modulePath);
    new schema[object.kind](object).validate();
    if (await model(clientTypeName(object)) === undefined) {
      throw new Error(`no field list for ${object.apiVersion} ${object.kind}`);
    }
    const unknown = await unknownFields(object, clientTypeName(object), "");
    if (unknown.length > 0) {
      throw new Error(`unknown field${unknown.length > 1 ? "s" : ""} ${unknown.join(", ")}`);
    }
    console.log(`valid ${label}`);
  } catch (error) {
    invalid++;
    console.log(`invalid ${label}: ${error.code === "ERR_MODULE_NOT_FOUND" ? `no schema for ${object.apiVersion} ${object.kind}` : error.message}`);
  }
}
process.exit(invalid === 0 ? 0 : 1);
