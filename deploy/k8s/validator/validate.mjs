// Validates Kubernetes objects against the API's JSON schemas as the kubernetes-models package ships them.
// Usage: node validate.mjs OBJECTS.json   (a JSON array of objects; K8sManifestsTest converts the YAML)
// Prints one line per object, "valid KIND/NAME" or "invalid KIND/NAME: reason", and exits 1 if any is invalid.
import { readFileSync } from "node:fs";

const objects = JSON.parse(readFileSync(process.argv[2], "utf8"));
let invalid = 0;
for (const object of objects) {
  const label = `${object.kind}/${object.metadata?.name}`;
  // apps/v1 → kubernetes-models/apps/v1/Deployment; the core group's v1 → kubernetes-models/v1/ConfigMap.
  const modulePath = `kubernetes-models/${object.apiVersion}/${object.kind}`;
  try {
    const model = await import(modulePath);
    new model[object.kind](object).validate();
    console.log(`valid ${label}`);
  } catch (error) {
    invalid++;
    console.log(`invalid ${label}: ${error.code === "ERR_MODULE_NOT_FOUND" ? `no schema for ${object.apiVersion} ${object.kind}` : error.message}`);
  }
}
process.exit(invalid === 0 ? 0 : 1);
