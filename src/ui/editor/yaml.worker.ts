// monaco-yaml's language worker, as its README asks for Vite.
import 'monaco-yaml/yaml.worker.js'
