export { DEFAULT_POOL_TYPES, TEMPLATE_LEVELS, TEMPLATE_TYPES, templateFileSchema, type TemplateFile, type TemplateLevelId } from './schema';
export type { LoadedTemplates, RoleTemplate, TemplateLevel, TemplatePool } from './model';
export { defaultTemplatesDir, loadTemplates, parseTemplateFile } from './load-templates';
export { assembleTemplateLevel, assembleTemplates, formatTemplateLevelCheck, type TemplateLevelCheck } from './assemble';
